import type { Writable } from 'node:stream';
import type {
  ExportColumn,
  ExportFormat,
  ExportOptions,
  InventoryRow,
} from '../../../shared/contract';

/** What to write: the app's export dialog and the command line both describe an export so. */
export interface ExportSpec {
  format: ExportFormat;
  /** CSV: the columns, in file order. JSON and JSON Lines carry every property and ignore it. */
  columns: readonly ExportColumn[];
  options: ExportOptions;
}

export interface ExportCounts {
  rows: number;
  /** Bytes written to the destination (BOM included). */
  bytes: number;
}

export interface WriteOptions {
  /**
   * False when the rows' region failed before its list was complete: JSON and JSON Lines
   * records then say `"complete": false` (CSV has no such column). Default true.
   */
  complete?: boolean;
}

/**
 * Writes one export document to a stream, rows as they come. `write` resolves once the
 * stream has taken the rows (backpressure), so a caller that awaits it keeps memory flat
 * however many rows there are.
 */
export interface ExportWriter {
  write(rows: readonly InventoryRow[], options?: WriteOptions): Promise<void>;
  /**
   * Ends the document (header-only CSV, `[]` JSON, empty JSON Lines for 0 rows) and flushes:
   * ends the stream too, and resolves once it has emitted 'finish'.
   */
  end(): Promise<ExportCounts>;
  /** Rows written so far. */
  readonly rows: number;
}

/** The writer `createExportWriter` returns: also the bytes written so far, for progress. */
export interface CountingExportWriter extends ExportWriter {
  readonly bytes: number;
}

export type CreateExportWriter = (spec: ExportSpec, out: Writable) => ExportWriter;

/**
 * A file being written. For a regular file (or nothing yet, or a symlink to one) the data
 * goes to a temporary file beside `path`, which replaces `path` only on `commit`, so a failed
 * or cancelled export never leaves half a file nor destroys the one already there. A FIFO or
 * character device is written directly (nothing to replace: see `resolveFileTarget`).
 */
export interface FileTarget {
  readonly path: string;
  readonly stream: Writable;
  commit(): Promise<void>;
  /** Removes the temporary file; safe to call after a failure or twice. */
  discard(): Promise<void>;
}
