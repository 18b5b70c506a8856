import type { Writable } from 'node:stream';
import type { InventoryRow } from '../../../shared/contract';
import { createCsvWriter } from './csv-writer';
import { createJsonWriter } from './json-writer';
import type { CountingExportWriter, ExportCounts, ExportSpec } from './types';

/** The writer for the spec's format (satisfies `CreateExportWriter`). */
export function createExportWriter(spec: ExportSpec, out: Writable): CountingExportWriter {
  return spec.format === 'csv' ? createCsvWriter(spec, out) : createJsonWriter(spec, out);
}

/**
 * Writes every batch `source` yields, then ends the document and `out`. Batches are pulled
 * only once `out` has taken the one before, so a lazy source keeps memory flat. On a failure
 * `out` is left as it is: the caller discards it (a FileTarget) or exits.
 */
export async function exportRows(
  spec: ExportSpec,
  source: AsyncIterable<readonly InventoryRow[]> | Iterable<readonly InventoryRow[]>,
  out: Writable,
  onProgress?: (counts: ExportCounts) => void,
): Promise<ExportCounts> {
  const writer = createExportWriter(spec, out);
  for await (const batch of source) {
    await writer.write(batch);
    onProgress?.({ rows: writer.rows, bytes: writer.bytes });
  }
  return writer.end();
}
