import { describe, expect, it } from 'vitest';
import type { ExportFormat, ExportOptions, InventoryRow } from '../../../shared/contract';
import { createJsonWriter, exportRecord } from './json-writer';
import {
  Collector,
  FailingWritable,
  GatedWritable,
  inventoryRow,
  settle,
} from './test-support/streams';

// Both CSV options on: neither may touch a JSON document.
const OPTIONS: ExportOptions = { bom: true, neutralizeFormulas: true };

const PROPERTIES: Record<string, unknown> = {
  ImageName: '=HYPERLINK("http://evil.example")',
  Count: -5,
  Enabled: false,
  Nothing: null,
  CreationTime: '2024-02-29T23:59:59.500Z',
  Tags: [{ Key: 'Name', Value: 'a,"b"\r\nc' }],
  Nested: { deep: { deeper: [1, [2, [3]], { emoji: '👩‍👩‍👧‍👦', rtl: 'مرحبا', nul: '\u0000' }] } },
  Separators: 'line\u2028separator\u2029paragraph\nnewline',
  Lone: '\uD800 half a pair',
};

function rows(count: number): InventoryRow[] {
  return Array.from({ length: count }, (_, i) =>
    inventoryRow(`id-${i}`, { ...PROPERTIES, Index: i }),
  );
}

async function exportJson(
  format: ExportFormat,
  batches: readonly (readonly InventoryRow[])[],
): Promise<{ text: string; counts: { rows: number; bytes: number } }> {
  const out = new Collector();
  const writer = createJsonWriter({ format, columns: [], options: OPTIONS }, out);
  for (const batch of batches) await writer.write(batch);
  const counts = await writer.end();
  return { text: out.text(), counts };
}

const expected = (row: InventoryRow, complete = true): unknown => ({
  typeName: row.typeName,
  account: row.account,
  region: row.region,
  identifier: row.identifier,
  readAt: '2025-01-02T03:04:05.678Z',
  complete,
  properties: row.properties,
});

describe('exportRecord', () => {
  it('carries where the resource is, when it was read (ISO 8601), and every property', () => {
    const row = inventoryRow('a', PROPERTIES);
    expect(exportRecord(row)).toEqual(expected(row));
    expect(Object.keys(exportRecord(row))).toEqual([
      'typeName',
      'account',
      'region',
      'identifier',
      'readAt',
      'complete',
      'properties',
    ]);
  });

  it('gives null for a read time Date cannot hold', () => {
    expect(exportRecord(inventoryRow('a', {}, { readAt: NaN })).readAt).toBeNull();
    expect(exportRecord(inventoryRow('a', {}, { readAt: 1e20 })).readAt).toBeNull();
  });
});

describe('createJsonWriter', () => {
  it('writes a JSON array that parses back to the full properties', async () => {
    const data = rows(5);
    const { text, counts } = await exportJson('json', [data.slice(0, 1), [], data.slice(1)]);
    expect(JSON.parse(text)).toEqual(data.map((row) => expected(row)));
    expect(text.startsWith('[\n{"typeName":')).toBe(true);
    expect(text.endsWith('}\n]\n')).toBe(true);
    // One record a line, so line-oriented tools (grep, diff) still work on it.
    expect(text.split('\n')).toHaveLength(5 + 3);
    expect(counts).toEqual({ rows: 5, bytes: Buffer.byteLength(text) });
  });

  it('writes JSON Lines, one record a line, each parsing back to the full properties', async () => {
    const data = rows(4);
    const { text, counts } = await exportJson('jsonl', [data.slice(0, 3), data.slice(3)]);
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => JSON.parse(line) as unknown)).toEqual(
      data.map((row) => expected(row)),
    );
    expect(counts).toEqual({ rows: 4, bytes: Buffer.byteLength(text) });
  });

  it('says "complete": false on the records of rows written as incomplete', async () => {
    const data = rows(3);
    for (const format of ['json', 'jsonl'] as const) {
      const out = new Collector();
      const writer = createJsonWriter({ format, columns: [], options: OPTIONS }, out);
      await writer.write(data.slice(0, 1));
      await writer.write(data.slice(1), { complete: false });
      await writer.end();
      const text = out.text();
      const records: unknown =
        format === 'json'
          ? JSON.parse(text)
          : text
              .trimEnd()
              .split('\n')
              .map((line) => JSON.parse(line) as unknown);
      expect(records).toEqual([
        expected(data[0] as InventoryRow),
        ...data.slice(1).map((row) => expected(row, false)),
      ]);
    }
  });

  it('writes `[]` for 0 rows as JSON, and nothing at all as JSON Lines', async () => {
    expect(await exportJson('json', [])).toEqual({ text: '[]\n', counts: { rows: 0, bytes: 3 } });
    expect(await exportJson('json', [[]])).toEqual({ text: '[]\n', counts: { rows: 0, bytes: 3 } });
    expect(await exportJson('jsonl', [[]])).toEqual({ text: '', counts: { rows: 0, bytes: 0 } });
  });

  it('writes values as they are: no byte order mark, no formula quote', async () => {
    const { text } = await exportJson('jsonl', [rows(1)]);
    expect(text.charCodeAt(0)).toBe('{'.charCodeAt(0));
    const record = JSON.parse(text) as { properties: Record<string, unknown> };
    expect(record.properties.ImageName).toBe('=HYPERLINK("http://evil.example")');
    expect(record.properties.Lone).toBe('\uD800 half a pair');
  });

  it('hands a big batch over in pieces, not as one string', async () => {
    const out = new Collector();
    const writer = createJsonWriter({ format: 'jsonl', columns: [], options: OPTIONS }, out);
    await writer.write(rows(2000));
    await writer.end();
    expect(out.buffer().length).toBeGreaterThan(1024 * 1024);
    for (const chunk of out.chunks) expect(chunk.length).toBeLessThan(128 * 1024);
  });

  it('resolves a write only once the destination has taken the rows', async () => {
    const out = new GatedWritable();
    const writer = createJsonWriter({ format: 'json', columns: [], options: OPTIONS }, out);
    let resolved = false;
    const written = writer.write(rows(2000)).then(() => {
      resolved = true;
    });
    await settle();
    expect(resolved).toBe(false);
    expect(writer.rows).toBe(0);
    expect(out.writableLength).toBeLessThan(128 * 1024);
    out.open();
    await written;
    expect(writer.rows).toBe(2000);
    await writer.end();
    expect(JSON.parse(out.text())).toHaveLength(2000);
  });

  it('rejects when the destination fails', async () => {
    const out = new FailingWritable(new Error('EPIPE'));
    const writer = createJsonWriter({ format: 'jsonl', columns: [], options: OPTIONS }, out);
    await expect(writer.write(rows(2000))).rejects.toThrow('EPIPE');
    await expect(writer.end()).rejects.toThrow('EPIPE');
  });
});
