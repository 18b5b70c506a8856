import type { InventoryRow, RegionScanStatus } from '../../shared/contract';
import { regionReason } from './errors';

/**
 * The stderr lines about regions: one per region that failed or was skipped, saying how many
 * of a failed region's rows were written (its list is incomplete), and one for rows of a
 * global type that no region could read.
 */
export interface RegionReport {
  /** Rows on their way to the output (counted per region). */
  counted(rows: readonly InventoryRow[]): void;
  /** A region's last status; a repeat of it adds only what is new (rows nobody could read). */
  settled(status: RegionScanStatus): void;
}

export interface RegionReportOptions {
  typeName: string;
  /** JSON and JSON Lines mark a failed region's records `"complete": false`. */
  marksIncomplete: boolean;
  print(line: string): void;
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function createRegionReport(options: RegionReportOptions): RegionReport {
  const rowsOf = new Map<string, number>();
  const told = new Set<string>();
  const toldUnread = new Set<string>();
  return {
    counted(rows) {
      for (const row of rows) rowsOf.set(row.region, (rowsOf.get(row.region) ?? 0) + 1);
    },
    settled(status) {
      const { region } = status;
      if ((status.state === 'failed' || status.state === 'skipped') && !told.has(region)) {
        told.add(region);
        const reason = status.error ? regionReason(status.error) : 'no reason given';
        const rows = rowsOf.get(region) ?? 0;
        const after =
          status.state === 'failed' && rows > 0
            ? ` after ${count(rows, 'row')}; its list is incomplete${
                options.marksIncomplete ? ', so those rows are marked "complete": false' : ''
              }`
            : '';
        options.print(`cloudshelf: ${region} ${status.state}${after}: ${reason}`);
      }
      if (status.unread !== undefined && !toldUnread.has(region)) {
        toldUnread.add(region);
        options.print(
          `cloudshelf: ${count(status.unread, `${options.typeName} row`)} listed by ${region} ${
            status.unread === 1 ? 'is' : 'are'
          } missing: every region that listed ${status.unread === 1 ? 'it' : 'them'} failed to read ${
            status.unread === 1 ? 'it' : 'them'
          }`,
        );
      }
    },
  };
}
