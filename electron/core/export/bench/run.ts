// The export benchmark (npm run bench:export, which bundles this and runs it with
// --expose-gc). Without arguments it drives child processes of itself and prints the report:
// one child times both writers, alternating, in the same process; a fresh child per writer
// and row count measures peak memory, since maxRSS only ever grows within a process.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { type BenchWriter, measureMemory, measureTime } from './measure';
import { formatReport, type MemoryResult } from './report';
import { BENCH_COLUMNS } from './synthetic';

const Timing = z.object({ runsMs: z.array(z.number()), bytes: z.number() });
const TimingChild = z.object({ ours: Timing, bare: Timing, rows: Timing });
const MemoryChild = z.object({
  ms: z.number(),
  bytes: z.number(),
  maxRssBytes: z.number(),
  peakHeapBytes: z.number(),
  liveHeapBytes: z.number(),
});

const LABELS: Readonly<Record<BenchWriter, string>> = {
  ours: 'ours (createExportWriter)',
  bare: 'bare csv-stringify',
  rows: 'rows alone (no writer)',
};

function child(args: readonly string[]): unknown {
  const script = process.argv[1];
  if (script === undefined) throw new Error('Cannot tell which script to run.');
  const result = spawnSync(process.execPath, [...process.execArgv, script, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error(
      `The benchmark child ${args.join(' ')} failed (exit ${String(result.status)}).`,
    );
  }
  return JSON.parse(result.stdout);
}

async function timeChild(rows: number, runs: number): Promise<z.infer<typeof TimingChild>> {
  const writers: BenchWriter[] = ['ours', 'bare', 'rows'];
  // Warm-up: the JIT has compiled both writers before anything counts.
  for (const writer of writers) await measureTime(writer, Math.min(rows, 10_000));
  const result = {
    ours: { runsMs: [] as number[], bytes: 0 },
    bare: { runsMs: [] as number[], bytes: 0 },
    rows: { runsMs: [] as number[], bytes: 0 },
  };
  for (let run = 0; run < runs; run++) {
    // Alternating which goes first, so neither always inherits the other's heap.
    const order: BenchWriter[] = run % 2 === 0 ? writers : ['bare', 'ours', 'rows'];
    for (const writer of order) {
      const { ms, bytes } = await measureTime(writer, rows);
      result[writer].runsMs.push(ms);
      result[writer].bytes = bytes;
    }
  }
  return result;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      writer: { type: 'string' },
      rows: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '3' },
    },
  });
  const rows = Number(values.rows);
  const runs = Number(values.runs);
  if (!Number.isInteger(rows) || rows < 10 || !Number.isInteger(runs) || runs < 1) {
    throw new Error('--rows must be an integer ≥ 10 and --runs one ≥ 1.');
  }

  if (values.child === 'time') {
    void timeChild(rows, runs).then((result) => {
      process.stdout.write(JSON.stringify(result));
    });
    return;
  }
  if (values.child === 'memory') {
    const writer = values.writer === 'bare' ? 'bare' : 'ours';
    void measureMemory(writer, rows).then((result) => {
      process.stdout.write(JSON.stringify(result));
    });
    return;
  }

  if (globalThis.gc === undefined) throw new Error('Run with node --expose-gc.');
  const started = performance.now();
  process.stderr.write(`Timing ${String(rows)} rows, ${String(runs)} runs each…\n`);
  const timing = TimingChild.parse(
    child(['--child=time', `--rows=${String(rows)}`, `--runs=${String(runs)}`]),
  );
  const memory: MemoryResult[] = [];
  for (const writer of ['ours', 'bare'] as const) {
    // The timed size and ten times it. Below ~100,000 rows a run ends before V8's heap has
    // grown to its working size (10,000 → 100,000 grew peak RSS 1.34× for the bare library
    // too, with the live heap flat), so a smaller pair measures warm-up, not what is kept.
    for (const count of [rows, rows * 10]) {
      process.stderr.write(`Peak memory: ${writer}, ${String(count)} rows…\n`);
      const m = MemoryChild.parse(
        child(['--child=memory', `--writer=${writer}`, `--rows=${String(count)}`]),
      );
      memory.push({ label: LABELS[writer], rows: count, ...m });
    }
  }

  const cpus = os.cpus();
  process.stdout.write(
    `${formatReport({
      rows,
      columns: BENCH_COLUMNS.length,
      environment: `Node ${process.version}, ${os.platform()} ${os.arch()}, ${String(cpus.length)} × ${cpus[0]?.model ?? 'CPU'}`,
      destination:
        'a counting Writable (no disk; 64 KiB high-water mark, each write completed on the next event-loop turn)',
      ours: { label: LABELS.ours, ...timing.ours },
      bare: { label: LABELS.bare, ...timing.bare },
      source: { label: LABELS.rows, ...timing.rows },
      memory,
      targetRatio: 1.3,
      flatWithin: 1.15,
    })}\n\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

main();
