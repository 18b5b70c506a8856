import { describe, expect, it } from 'vitest';
import type { ExportColumn, ExportOptions, InventoryRow } from '../../../shared/contract';
import { Collector, GatedWritable, inventoryRow, settle } from './test-support/streams';
import type { CreateExportWriter, ExportCounts, ExportSpec } from './types';
import { createExportWriter, exportRows } from './writer';

const OPTIONS: ExportOptions = { bom: false, neutralizeFormulas: true };
const NAME: ExportColumn = {
  id: 'Name',
  header: 'Name',
  kind: 'text',
  source: { property: 'Name' },
};
const spec = (format: ExportSpec['format']): ExportSpec => ({
  format,
  columns: [NAME],
  options: OPTIONS,
});
const batch = (from: number, count: number): InventoryRow[] =>
  Array.from({ length: count }, (_, i) => inventoryRow(`id-${from + i}`, { Name: `n${from + i}` }));

// The contract the app and the CLI are written against.
const create: CreateExportWriter = createExportWriter;

describe('createExportWriter', () => {
  it('writes the format the spec asks for', async () => {
    const texts: string[] = [];
    for (const format of ['csv', 'json', 'jsonl'] as const) {
      const out = new Collector();
      const writer = create(spec(format), out);
      await writer.write(batch(0, 1));
      await writer.end();
      texts.push(out.text());
    }
    expect(texts[0]).toBe('Name\r\nn0\r\n');
    expect(JSON.parse(texts[1] ?? '')).toMatchObject([{ identifier: 'id-0' }]);
    expect(JSON.parse(texts[2] ?? '')).toMatchObject({ properties: { Name: 'n0' } });
  });
});

describe('exportRows', () => {
  it('writes every batch of a lazy source, reports progress, and ends the document', async () => {
    async function* source(): AsyncGenerator<InventoryRow[]> {
      for (let i = 0; i < 3; i++) {
        await settle(1);
        yield batch(i * 2, 2);
      }
    }
    const out = new Collector();
    const progress: ExportCounts[] = [];
    const counts = await exportRows(spec('csv'), source(), out, (p) => progress.push(p));
    expect(out.text()).toBe('Name\r\nn0\r\nn1\r\nn2\r\nn3\r\nn4\r\nn5\r\n');
    expect(progress.map((p) => p.rows)).toEqual([2, 4, 6]);
    expect(progress.map((p) => p.bytes)).toEqual([14, 22, 30]);
    expect(counts).toEqual({ rows: 6, bytes: Buffer.byteLength(out.text()) });
    expect(out.writableFinished).toBe(true);
  });

  it('takes plain iterables too', async () => {
    const out = new Collector();
    const counts = await exportRows(spec('jsonl'), [batch(0, 2), batch(2, 1)], out);
    expect(counts.rows).toBe(3);
    expect(out.text().split('\n')).toHaveLength(4);
  });

  it('pulls no further batch while the destination has not taken the last one', async () => {
    let pulled = 0;
    function* source(): Generator<InventoryRow[]> {
      for (let i = 0; i < 50; i++) {
        pulled++;
        // About 100 KB of CSV a batch: several times what the destination holds.
        yield Array.from({ length: 100 }, (_, j) =>
          inventoryRow(`id-${i}-${j}`, { Name: 'x'.repeat(1000) }),
        );
      }
    }
    const out = new GatedWritable();
    const done = exportRows(spec('csv'), source(), out);
    await settle();
    // Memory stays at one batch however long the source is.
    expect(pulled).toBe(1);
    out.open();
    const counts = await done;
    expect(pulled).toBe(50);
    expect(counts.rows).toBe(5000);
  });

  it('rejects when the source fails, leaving the destination to the caller', async () => {
    async function* source(): AsyncGenerator<InventoryRow[]> {
      await Promise.resolve();
      yield batch(0, 1);
      throw new Error('region failed');
    }
    const out = new Collector();
    await expect(exportRows(spec('csv'), source(), out)).rejects.toThrow('region failed');
    expect(out.writableEnded).toBe(false);
  });
});
