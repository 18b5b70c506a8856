import { once } from 'node:events';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { InventoryRow } from '../../../../shared/contract';
import type { ExportSpec } from '../types';
import { exportRows } from '../writer';
import { BENCH_COLUMNS, BENCH_PROPERTIES, syntheticBatches } from './synthetic';

/** What a run writes with: our export writer, csv-stringify alone, or nothing (rows only). */
export type BenchWriter = 'ours' | 'bare' | 'rows';

/** Rows a batch, as the app sends them from the table. */
export const BENCH_BATCH_ROWS = 1000;

/** The app's default CSV options. */
export const BENCH_SPEC: ExportSpec = {
  format: 'csv',
  columns: BENCH_COLUMNS,
  options: { bom: false, neutralizeFormulas: true },
};

/**
 * The destination: counts bytes and takes each write on the next turn of the event loop,
 * with fs.WriteStream's 64 KiB high-water mark, so backpressure is real but the disk's speed
 * does not blur the comparison between writers.
 */
export class CountingWritable extends Writable {
  bytes = 0;

  constructor() {
    super({ highWaterMark: 64 * 1024 });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.bytes += chunk.length;
    setImmediate(callback);
  }

  override _writev(chunks: { chunk: Buffer }[], callback: () => void): void {
    for (const { chunk } of chunks) this.bytes += chunk.length;
    setImmediate(callback);
  }
}

type Batches = Iterable<InventoryRow[]>;

async function writeOurs(source: Batches, out: Writable): Promise<void> {
  await exportRows(BENCH_SPEC, source, out);
}

/**
 * The baseline: the same rows through csv-stringify's streaming API with the same output
 * conventions (header, CRLF, CR/LF quoted, formula escaping on), each row as an array of
 * its raw values, cast by the library's defaults: objects and arrays JSON.stringify'd,
 * numbers by String, booleans as `1`/empty, null and undefined empty; dates stay as AWS gave
 * them (ISO text or epoch seconds), since the library does not know they are dates.
 */
async function writeBare(source: Batches, out: Writable): Promise<void> {
  const stringifier = stringify({
    header: true,
    columns: BENCH_COLUMNS.map((c) => c.header),
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    escape_formulas: true,
  });
  const done = pipeline(stringifier, out);
  for (const batch of source) {
    for (const row of batch) {
      const values: unknown[] = [row.region, row.account, row.identifier];
      for (const [name] of BENCH_PROPERTIES) values.push(row.properties[name]);
      if (!stringifier.write(values)) await once(stringifier, 'drain');
    }
  }
  stringifier.end();
  await done;
}

/** Only makes the rows: how much of a run is the source rather than the writer. */
async function makeRows(source: Batches, out: Writable): Promise<void> {
  for (const _batch of source) {
    // A turn of the event loop per batch, as the writers get.
    await new Promise((resolve) => setImmediate(resolve));
  }
  out.end();
  await once(out, 'finish');
}

const RUN: Readonly<Record<BenchWriter, (source: Batches, out: Writable) => Promise<void>>> = {
  ours: writeOurs,
  bare: writeBare,
  rows: makeRows,
};

export interface Measurement {
  ms: number;
  bytes: number;
}

async function run(writer: BenchWriter, source: Batches): Promise<Measurement> {
  const out = new CountingWritable();
  // Each run starts from a collected heap, so one does not pay for the other's garbage.
  globalThis.gc?.();
  const start = performance.now();
  await RUN[writer](source, out);
  return { ms: performance.now() - start, bytes: out.bytes };
}

export function measureTime(writer: BenchWriter, rows: number): Promise<Measurement> {
  return run(writer, syntheticBatches(rows, BENCH_BATCH_ROWS));
}

export interface MemoryMeasurement extends Measurement {
  /** The process's peak resident set, from the kernel (process.resourceUsage().maxRSS). */
  maxRssBytes: number;
  /** The highest used V8 heap seen, garbage included, sampled every few milliseconds. */
  peakHeapBytes: number;
  /**
   * The heap still in use after a full collection, halfway through the rows and before the
   * last batch (the larger): what the export really holds on to. Two collections only, so
   * the peaks above stay those of the collector's own rhythm.
   */
  liveHeapBytes: number;
}

const SAMPLE_MS = 5;

/** One run, for a process of its own: maxRSS covers the whole process's life. */
export async function measureMemory(writer: BenchWriter, rows: number): Promise<MemoryMeasurement> {
  const heapUsed = (): number => process.memoryUsage().heapUsed;
  let peakHeap = 0;
  let liveHeap = 0;
  const sample = (): void => {
    peakHeap = Math.max(peakHeap, heapUsed());
  };
  const batchCount = Math.ceil(rows / BENCH_BATCH_ROWS);
  const collectAt = new Set([Math.ceil(batchCount / 2), batchCount - 1]);
  function* collecting(): Generator<InventoryRow[]> {
    let batches = 0;
    for (const batch of syntheticBatches(rows, BENCH_BATCH_ROWS)) {
      if (collectAt.has(batches++) && globalThis.gc !== undefined) {
        sample();
        globalThis.gc();
        liveHeap = Math.max(liveHeap, heapUsed());
      }
      yield batch;
    }
  }
  globalThis.gc?.();
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  try {
    const result = await run(writer, collecting());
    sample();
    return {
      ...result,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      peakHeapBytes: peakHeap,
      liveHeapBytes: liveHeap,
    };
  } finally {
    clearInterval(timer);
  }
}
