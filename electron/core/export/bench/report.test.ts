import { describe, expect, it } from 'vitest';
import { formatReport, median, table } from './report';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('table', () => {
  it('pads columns, numbers to the right', () => {
    expect(
      table(
        ['name', 'ms'],
        [
          ['a', '1,234'],
          ['long name', '5'],
        ],
      ),
    ).toBe(
      [
        '| name      |    ms |',
        '|-----------|------:|',
        '| a         | 1,234 |',
        '| long name |     5 |',
      ].join('\n'),
    );
  });
});

describe('formatReport', () => {
  const MB = 1024 * 1024;
  const memory = (label: string, rows: number, rss: number, live: number) => ({
    label,
    rows,
    maxRssBytes: rss * MB,
    peakHeapBytes: 2 * live * MB,
    liveHeapBytes: live * MB,
  });

  it('prints throughput, the ratio to the bare library and memory flatness', () => {
    const text = formatReport({
      rows: 100_000,
      columns: 20,
      environment: 'Node v20',
      destination: 'a counting Writable',
      ours: { label: 'ours', runsMs: [1100, 1000, 1200], bytes: 100 * MB },
      bare: { label: 'bare', runsMs: [900, 1000, 800], bytes: 95 * MB },
      source: { label: 'rows alone', runsMs: [100, 100, 100], bytes: 0 },
      memory: [
        memory('ours', 10_000, 100, 10),
        memory('ours', 100_000, 105, 10),
        memory('bare', 10_000, 100, 10),
        memory('bare', 100_000, 150, 30),
      ],
      targetRatio: 1.3,
      flatWithin: 1.15,
    });
    expect(text).toMatch(
      /\| ours +\| +1,100 \| 1,100, 1,000, 1,200 \| +90,909 \| +90\.9 \| +100\.0 \|/,
    );
    expect(text).toContain('Ratio ours/bare: 1.22×, target ≤ 1.30× (met)');
    expect(text).toContain(
      'ours, 100,000 vs 10,000 rows: peak RSS 1.05× (met), peak heap 1.00× (met), live heap 1.00× (met)',
    );
    expect(text).toContain('bare, 100,000 vs 10,000 rows: peak RSS 1.50× (NOT met)');
  });
});
