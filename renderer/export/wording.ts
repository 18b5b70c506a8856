import type { ExportFormat, ExportResult } from '../../shared/contract';
import type { ExportScope } from './export-plan';

const count = new Intl.NumberFormat();

/** "1 row", "12,000 rows". */
export const rowsPhrase = (rows: number): string =>
  `${count.format(rows)} ${rows === 1 ? 'row' : 'rows'}`;

/** What each Rows choice writes, e.g. "12 rows, 5 columns" or "85 rows, every property". */
export function scopeDetail(
  scope: ExportScope,
  format: ExportFormat,
  rows: number,
  columns: number,
): string {
  // JSON formats always carry the whole resource, whichever rows are chosen.
  if (format !== 'csv') return `${rowsPhrase(rows)}, full properties`;
  if (scope === 'all') return `${rowsPhrase(rows)}, every property`;
  return `${rowsPhrase(rows)}, ${count.format(columns)} ${columns === 1 ? 'column' : 'columns'}`;
}

/** "Exporting 4,000 of 12,000 rows…" */
export const progressText = (sent: number, total: number): string =>
  `Exporting ${count.format(sent)} of ${rowsPhrase(total)}…`;

/** Where the file went: a path in the desktop app, a download in browser mode. */
export function resultText(result: ExportResult, fileName: string): string {
  if (result.path !== null) return `Saved ${rowsPhrase(result.rows)} to ${result.path}`;
  return `Downloaded ${fileName} (${rowsPhrase(result.rows)})`;
}
