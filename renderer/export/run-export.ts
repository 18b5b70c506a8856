import type {
  CloudshelfApi,
  ExportColumn,
  ExportFormat,
  ExportOptions,
  ExportResult,
  InventoryRow,
} from '../../shared/contract';

/** Rows per `export.rows` call: big enough to be quick, small enough for steady progress. */
export const CHUNK_ROWS = 2000;
/**
 * JSON bytes per call. Browser mode refuses request bodies over 1 MiB, and a few hundred
 * wide rows can reach that long before 2,000 do; a single larger row still goes alone.
 */
export const CHUNK_BYTES = 768 * 1024;

export interface ExportJob {
  format: ExportFormat;
  typeName: string;
  /** CSV: the columns in file order; [] for JSON formats. */
  columns: readonly ExportColumn[];
  options: ExportOptions;
  suggestedName: string;
  rows: readonly InventoryRow[];
  /** Regions whose list is incomplete (see `ExportBeginArgs`). */
  incompleteRegions?: readonly string[];
  /** What each row is sent as (e.g. only its columns' properties for CSV). */
  project?: (row: InventoryRow) => InventoryRow;
}

export interface RunOptions {
  /** After each chunk is written: rows sent so far, of the total. */
  onProgress?: (sent: number, total: number) => void;
  /** Cancel: no further chunk is sent, and the export is aborted (its partial file removed). */
  signal?: AbortSignal;
  chunkRows?: number;
  chunkBytes?: number;
}

export type ExportOutcome =
  | { kind: 'saved'; result: ExportResult }
  /** The user closed Electron's save dialog: nothing was started. */
  | { kind: 'dismissed' }
  /** Cancelled while rows were being sent: aborted, nothing saved. */
  | { kind: 'cancelled' };

const ASCII = /^[\x20-\x7e]*$/;
const encoder = new TextEncoder();

/** UTF-8 bytes of the row as JSON, roughly what it adds to a call's body. */
function jsonBytes(row: InventoryRow): number {
  const text = JSON.stringify(row);
  return ASCII.test(text) ? text.length : encoder.encode(text).length;
}

/** The next chunk from `start`: at most `maxRows` rows and `maxBytes` bytes, never empty. */
function nextChunk(
  rows: readonly InventoryRow[],
  start: number,
  project: (row: InventoryRow) => InventoryRow,
  maxRows: number,
  maxBytes: number,
): InventoryRow[] {
  const chunk: InventoryRow[] = [];
  let bytes = 0;
  for (let i = start; i < rows.length && chunk.length < maxRows; i++) {
    const row = project(rows[i] as InventoryRow);
    // +1 for the comma between rows.
    const size = jsonBytes(row) + 1;
    if (chunk.length > 0 && bytes + size > maxBytes) break;
    chunk.push(row);
    bytes += size;
  }
  return chunk;
}

/**
 * Sends an export to the main process: begin, the rows in order a chunk at a time (each
 * awaited, so the file is written as it goes and memory stays flat on both sides), then
 * finish. A failing call or a cancel aborts it, so no partial file is left behind; the
 * failure is then rethrown as it came (an API error with message and hint).
 */
export async function runExport(
  api: Pick<CloudshelfApi, 'export'>,
  job: ExportJob,
  options: RunOptions = {},
): Promise<ExportOutcome> {
  const { signal, onProgress } = options;
  const maxRows = Math.max(1, options.chunkRows ?? CHUNK_ROWS);
  const maxBytes = options.chunkBytes ?? CHUNK_BYTES;
  const project = job.project ?? ((row: InventoryRow) => row);
  const total = job.rows.length;
  if (signal?.aborted) return { kind: 'cancelled' };

  const { exportId } = await api.export.begin({
    format: job.format,
    typeName: job.typeName,
    columns: [...job.columns],
    options: job.options,
    suggestedName: job.suggestedName,
    totalRows: total,
    ...(job.incompleteRegions?.length ? { incompleteRegions: [...job.incompleteRegions] } : {}),
  });
  if (exportId === null) return { kind: 'dismissed' };

  const abort = async (): Promise<void> => {
    try {
      await api.export.abort({ exportId });
    } catch {
      // The export is already failing or cancelled; the first reason is the one to show.
    }
  };

  try {
    let sent = 0;
    while (sent < total) {
      if (signal?.aborted) {
        await abort();
        return { kind: 'cancelled' };
      }
      const chunk = nextChunk(job.rows, sent, project, maxRows, maxBytes);
      await api.export.rows({ exportId, rows: chunk });
      sent += chunk.length;
      onProgress?.(sent, total);
    }
    if (signal?.aborted) {
      await abort();
      return { kind: 'cancelled' };
    }
    return { kind: 'saved', result: await api.export.finish({ exportId }) };
  } catch (error) {
    await abort();
    throw error;
  }
}
