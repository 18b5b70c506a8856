export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? NaN) + upper) / 2;
}

/** A Markdown table, columns padded so it reads in a terminal too; numbers align right. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.every((r) => /^[-\d.,×%\s]*$/.test(r[i] ?? '')));
  const line = (cells: readonly string[]): string =>
    `| ${widths
      .map((w, i) => {
        const cell = cells[i] ?? '';
        return numeric[i] === true ? cell.padStart(w) : cell.padEnd(w);
      })
      .join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric[i] === true ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

const MB = 1024 * 1024;
export const formatInt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const formatMb = (bytes: number): string => (bytes / MB).toFixed(1);
export const formatRatio = (r: number): string => `${r.toFixed(2)}×`;

export interface TimingResult {
  label: string;
  runsMs: readonly number[];
  bytes: number;
}

export interface MemoryResult {
  label: string;
  rows: number;
  maxRssBytes: number;
  peakHeapBytes: number;
  liveHeapBytes: number;
}

export interface BenchReport {
  rows: number;
  columns: number;
  environment: string;
  destination: string;
  ours: TimingResult;
  bare: TimingResult;
  /** Making the rows alone, no writer. */
  source: TimingResult;
  memory: readonly MemoryResult[];
  targetRatio: number;
  /** Largest growth of peak memory, from the smaller to the larger row count, still "flat". */
  flatWithin: number;
}

function timingRow(result: TimingResult, rows: number): string[] {
  const ms = median(result.runsMs);
  return [
    result.label,
    formatInt(ms),
    result.runsMs.map((r) => formatInt(r)).join(', '),
    formatInt((rows / ms) * 1000),
    result.bytes > 0 ? ((result.bytes / MB / ms) * 1000).toFixed(1) : '',
    result.bytes > 0 ? formatMb(result.bytes) : '',
  ];
}

const verdict = (ok: boolean): string => (ok ? '(met)' : '(NOT met)');

/** The benchmark's printed result: timings, the ratio to the bare library, memory. */
export function formatReport(report: BenchReport): string {
  const { rows } = report;
  const ratio = median(report.ours.runsMs) / median(report.bare.runsMs);
  const timing = table(
    ['writer', 'median ms', 'runs ms', 'rows/s', 'MB/s', 'output MB'],
    [report.ours, report.bare, report.source].map((r) => timingRow(r, rows)),
  );

  const memory = table(
    ['writer', 'rows', 'peak RSS MB', 'peak heap MB', 'live heap MB'],
    report.memory.map((m) => [
      m.label,
      formatInt(m.rows),
      formatMb(m.maxRssBytes),
      formatMb(m.peakHeapBytes),
      formatMb(m.liveHeapBytes),
    ]),
  );
  const flatness: string[] = [];
  for (const label of new Set(report.memory.map((m) => m.label))) {
    const runs = report.memory.filter((m) => m.label === label).sort((a, b) => a.rows - b.rows);
    const small = runs[0];
    const large = runs.at(-1);
    if (small === undefined || large === undefined || small === large) continue;
    const growth = (key: 'maxRssBytes' | 'peakHeapBytes' | 'liveHeapBytes'): string => {
      const ratio = large[key] / small[key];
      return `${formatRatio(ratio)} ${verdict(ratio <= report.flatWithin)}`;
    };
    flatness.push(
      `${label}, ${formatInt(large.rows)} vs ${formatInt(small.rows)} rows: ` +
        `peak RSS ${growth('maxRssBytes')}, peak heap ${growth('peakHeapBytes')}, ` +
        `live heap ${growth('liveHeapBytes')}`,
    );
  }

  return [
    `CSV export, ${formatInt(rows)} rows × ${report.columns} columns (nested objects and arrays, dates)`,
    report.environment,
    `Destination: ${report.destination}`,
    '',
    `Time: median of ${report.ours.runsMs.length} runs each, alternating, in one process`,
    timing,
    '',
    `Ratio ours/bare: ${formatRatio(ratio)}, target ≤ ${formatRatio(report.targetRatio)} ` +
      verdict(ratio <= report.targetRatio),
    '',
    'Memory: one fresh process per line. Peak RSS: process.resourceUsage().maxRSS; peak heap:',
    'sampled every 5 ms, garbage not yet collected included; live heap: used after a full',
    'collection, halfway and before the last batch (the larger).',
    memory,
    '',
    `Flatness as rows grow 10× (target: flat, each ≤ ${formatRatio(report.flatWithin)}):`,
    ...flatness.map((line) => `  ${line}`),
  ].join('\n');
}
