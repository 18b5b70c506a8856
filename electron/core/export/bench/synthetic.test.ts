import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { Collector } from '../test-support/streams';
import { exportRows } from '../writer';
import { BENCH_COLUMNS, syntheticBatches, syntheticRow } from './synthetic';

describe('synthetic rows', () => {
  it('has 20 columns of every kind, with unique ids', () => {
    expect(BENCH_COLUMNS).toHaveLength(20);
    expect(new Set(BENCH_COLUMNS.map((c) => c.id)).size).toBe(20);
    expect(new Set(BENCH_COLUMNS.map((c) => c.kind))).toEqual(
      new Set(['text', 'number', 'boolean', 'date', 'json']),
    );
  });

  it('makes the same row for the same index, with nested objects and arrays', () => {
    expect(syntheticRow(42)).toEqual(syntheticRow(42));
    expect(syntheticRow(42).identifier).not.toBe(syntheticRow(43).identifier);
    const { properties } = syntheticRow(7);
    expect(Array.isArray(properties.Tags)).toBe(true);
    expect(typeof properties.Config).toBe('object');
  });

  it('yields the rows in batches, the last one partial', () => {
    const batches = [...syntheticBatches(2500, 1000)];
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 500]);
    expect(batches.flat().map((r) => r.identifier)).toEqual(
      Array.from({ length: 2500 }, (_, i) => syntheticRow(i).identifier),
    );
  });

  it('makes rows only as they are asked for', () => {
    const batches = syntheticBatches(Number.MAX_SAFE_INTEGER, 10);
    const first = batches.next();
    const second = batches.next();
    expect(first.done === false && first.value).toHaveLength(10);
    expect(second.done === false && second.value[0]?.identifier).toBe(syntheticRow(10).identifier);
  });

  it('exports to CSV that parses back to 20 cells a row, nested values as JSON', async () => {
    const out = new Collector();
    await exportRows(
      { format: 'csv', columns: BENCH_COLUMNS, options: { bom: false, neutralizeFormulas: true } },
      syntheticBatches(200, 50),
      out,
    );
    const records = parse(out.buffer());
    expect(records).toHaveLength(201);
    for (const record of records) expect(record).toHaveLength(20);
    expect(out.text()).not.toContain('[object Object]');
    const tags = records[1]?.[BENCH_COLUMNS.findIndex((c) => c.id === 'Tags')];
    expect(JSON.parse(tags ?? '')).toEqual(syntheticRow(0).properties.Tags);
  });
});
