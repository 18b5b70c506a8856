import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { exportCells, neutralizeFormula } from './cells';
import { createSerial } from './serial';
import { createSink } from './sink';
import type { CountingExportWriter, ExportSpec } from './types';

/**
 * A CSV export: a header row of the columns' headers, then one record per row, written by
 * csv-stringify's streaming API (RFC 4180: a field is quoted only when it holds a comma, a
 * quote, CR or LF; quotes inside are doubled).
 */
export function createCsvWriter(spec: ExportSpec, out: Writable): CountingExportWriter {
  const { columns } = spec;
  const { bom, neutralizeFormulas } = spec.options;
  if (columns.length === 0) throw new Error('A CSV export needs at least one column.');

  const stringifier = stringify({
    bom,
    header: true,
    // Records are arrays of cell text, so the keys only number the columns.
    columns: columns.map((column, i) => ({
      key: String(i),
      // A header is a cell like any other to a spreadsheet.
      header: neutralizeFormulas ? neutralizeFormula(column.header) : column.header,
    })),
    // RFC 4180's delimiter, and what Excel writes; every CSV reader takes it.
    record_delimiter: 'windows',
    // With an explicit delimiter the library would quote only fields holding CRLF itself; a
    // lone CR or LF must be quoted too, or a reader splits the record there.
    quote_record_delimiter: true,
  });
  let failure: Error | null = null;
  stringifier.on('error', (error: Error) => {
    failure ??= error;
  });

  const sink = createSink(out);
  const serial = createSerial();
  let rows = 0;
  let ending: Promise<{ rows: number; bytes: number }> | null = null;

  /** Hands what the stringifier has produced so far to `out`, waiting for it to take it. */
  async function forward(): Promise<void> {
    for (;;) {
      // Paused mode: `read()` returns everything buffered, and (the transform being
      // synchronous) lets the records queued behind a full buffer through.
      const chunk = stringifier.read() as Buffer | null;
      if (chunk === null) break;
      await sink.write(chunk);
    }
    if (failure !== null) throw failure;
  }

  return {
    get rows() {
      return rows;
    },
    get bytes() {
      return sink.bytes;
    },

    write(batch) {
      return serial(async () => {
        if (ending !== null) throw new Error('The export has already ended.');
        for (const row of batch) {
          // False once the stringifier holds a buffer's worth: pass it on before taking more,
          // so a big batch never sits in memory as CSV too.
          if (!stringifier.write(exportCells(row, columns, neutralizeFormulas))) await forward();
        }
        await forward();
        rows += batch.length;
      });
    },

    end() {
      ending ??= serial(async () => {
        stringifier.end();
        // After end() the flush (header and BOM when there were no rows) comes asynchronously.
        for await (const chunk of stringifier as AsyncIterable<Buffer>) await sink.write(chunk);
        if (failure !== null) throw failure;
        await sink.end();
        return { rows, bytes: sink.bytes };
      });
      return ending;
    },
  };
}
