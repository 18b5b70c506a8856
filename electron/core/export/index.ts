// The export engine: rows to CSV, JSON or JSON Lines, streamed, for the app and the CLI.
export { exportCellText, exportCells, neutralizeFormula, startsLikeFormula } from './cells';
export { openFileTarget } from './file-target';
export { exportRecord, type ExportRecord } from './json-writer';
export { createExportWriter, exportRows } from './writer';
export type {
  CountingExportWriter,
  CreateExportWriter,
  ExportCounts,
  ExportSpec,
  ExportWriter,
  FileTarget,
} from './types';
