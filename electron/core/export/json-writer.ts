import type { Writable } from 'node:stream';
import type { InventoryRow } from '../../../shared/contract';
import { createSerial } from './serial';
import { createSink } from './sink';
import type { CountingExportWriter, ExportSpec } from './types';

/** One resource in a JSON or JSON Lines export: where it is, and every property it has. */
export interface ExportRecord {
  typeName: string;
  account: string;
  region: string;
  identifier: string;
  /** When it was read, ISO 8601 in UTC; null only for a time Date cannot hold. */
  readAt: string | null;
  /** False when the region it came from failed before listing everything. */
  complete: boolean;
  properties: Record<string, unknown>;
}

// Date's own limit; toISOString throws beyond it.
const MAX_DATE_MS = 8.64e15;
// Text is handed to the destination in pieces about this big, however big the batch.
const CHUNK_CHARS = 64 * 1024;

export function exportRecord(row: InventoryRow, complete = true): ExportRecord {
  const { readAt } = row;
  return {
    typeName: row.typeName,
    account: row.account,
    region: row.region,
    identifier: row.identifier,
    readAt:
      Number.isFinite(readAt) && Math.abs(readAt) <= MAX_DATE_MS
        ? new Date(readAt).toISOString()
        : null,
    complete,
    properties: row.properties,
  };
}

/**
 * A JSON export (an array, one record per line between `[` and `]`) or a JSON Lines one (a
 * record per line). Values are written as they are: no formula neutralising (that is for
 * spreadsheets) and no byte order mark, which JSON forbids (RFC 8259, section 8.1).
 */
export function createJsonWriter(spec: ExportSpec, out: Writable): CountingExportWriter {
  const lines = spec.format === 'jsonl';
  const sink = createSink(out);
  const serial = createSerial();
  let rows = 0;
  let records = 0;
  let ending: Promise<{ rows: number; bytes: number }> | null = null;

  return {
    get rows() {
      return rows;
    },
    get bytes() {
      return sink.bytes;
    },

    write(batch, options) {
      const complete = options?.complete ?? true;
      return serial(async () => {
        if (ending !== null) throw new Error('The export has already ended.');
        let text = '';
        for (const row of batch) {
          const json = JSON.stringify(exportRecord(row, complete));
          if (lines) text += `${json}\n`;
          else text += `${records === 0 ? '[\n' : ',\n'}${json}`;
          records++;
          if (text.length >= CHUNK_CHARS) {
            await sink.write(text);
            text = '';
          }
        }
        if (text !== '') await sink.write(text);
        rows += batch.length;
      });
    },

    end() {
      ending ??= serial(async () => {
        if (!lines) await sink.write(records === 0 ? '[]\n' : '\n]\n');
        await sink.end();
        return { rows, bytes: sink.bytes };
      });
      return ending;
    },
  };
}
