import type { ExportSpec, ExportWriter } from '../core/export/types';
import { createHeldRows, type HeldRows, type HeldRowsOptions } from './held-rows';
import type { RegionReport } from './region-report';
import type { ScanSink } from './scan-collect';

/** The export's side of a scan: rows to the writer, region lines to stderr. */
export interface ExportSink extends ScanSink {
  settled: NonNullable<ScanSink['settled']>;
  /** Writes what is still held (a region without a last status), marked incomplete. */
  flush(): Promise<void>;
  /** Removes the temporary files of held rows; safe to call twice. */
  discard(): Promise<void>;
}

/**
 * CSV rows go straight to the writer. JSON and JSON Lines rows are held per region until
 * the region ends, so each record can say whether its region's list was complete
 * (`"complete": false` for a region that failed part-way). `guard` wraps every write to the
 * destination (the caller tells its failures apart from the scan's).
 */
export function createExportSink(
  spec: ExportSpec,
  writer: ExportWriter,
  report: RegionReport,
  guard: <T>(work: Promise<T>) => Promise<T>,
  holding: HeldRowsOptions = {},
): ExportSink {
  const held: HeldRows | undefined = spec.format === 'csv' ? undefined : createHeldRows(holding);
  return {
    async rows(rows) {
      report.counted(rows);
      await (held ? held.add(rows) : guard(writer.write(rows)));
    },
    status: () => undefined,
    async settled(status) {
      // A cancelled region means an interrupted export, whose output is dropped anyway.
      if (held && status.state !== 'cancelled') {
        const complete = status.state === 'done';
        await held.release(status.region, (rows) => guard(writer.write(rows, { complete })));
      }
      report.settled(status);
    },
    async flush() {
      for (const region of held?.regions ?? []) {
        await held?.release(region, (rows) => guard(writer.write(rows, { complete: false })));
      }
    },
    discard: () => held?.discard() ?? Promise.resolve(),
  };
}
