import { describe, expect, it } from 'vitest';
import type { ColumnKind, ExportColumn, InventoryRow } from '../../../shared/contract';
import { columnValue, exportCells, exportCellText, neutralizeFormula } from './cells';

const row = (properties: Record<string, unknown>): InventoryRow => ({
  key: '111122223333/eu-west-1/x',
  typeName: 'AWS::SageMaker::Image',
  account: '111122223333',
  region: 'eu-west-1',
  identifier: 'x',
  properties,
  readAt: Date.UTC(2025, 0, 2, 3, 4, 5),
});

const prop = (property: string, kind: ColumnKind = 'text'): ExportColumn => ({
  id: property,
  header: property,
  kind,
  source: { property },
});

const text = (value: unknown, kind: ColumnKind = 'text', neutralize = true): string =>
  exportCellText(row({ V: value }), prop('V', kind), neutralize);

describe('columnValue', () => {
  it('reads the row fields and top-level properties', () => {
    const r = row({ ImageName: 'a' });
    expect(
      columnValue(r, { id: 'r', header: 'R', kind: 'text', source: { field: 'region' } }),
    ).toBe('eu-west-1');
    expect(
      columnValue(r, { id: 'a', header: 'A', kind: 'text', source: { field: 'account' } }),
    ).toBe('111122223333');
    expect(
      columnValue(r, { id: 'i', header: 'I', kind: 'text', source: { field: 'identifier' } }),
    ).toBe('x');
    expect(columnValue(r, prop('ImageName'))).toBe('a');
    expect(columnValue(r, prop('Missing'))).toBeUndefined();
  });

  it("reads only the resource's own properties, never Object.prototype's", () => {
    const r = row({});
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(columnValue(r, prop(name))).toBeUndefined();
      expect(exportCellText(r, prop(name, 'json'), true)).toBe('');
    }
    // JSON.parse makes `__proto__` an own property: a resource may really have one.
    const own = row(JSON.parse('{"__proto__": "real"}') as Record<string, unknown>);
    expect(columnValue(own, prop('__proto__'))).toBe('real');
  });
});

describe('exportCellText', () => {
  it('is the text the table shows: compact JSON, ISO 8601 dates, empty when missing', () => {
    expect(text({ Key: 'a', Value: [1, { b: null }] }, 'json')).toBe(
      '{"Key":"a","Value":[1,{"b":null}]}',
    );
    expect(text(['a', 'b'], 'json')).toBe('["a","b"]');
    // Nested values in a column the schema calls text are still JSON, never [object Object].
    expect(text({ a: 1 }, 'text')).toBe('{"a":1}');
    expect(text('2025-01-02T03:04:05.000Z', 'date')).toBe('2025-01-02T03:04:05.000Z');
    expect(text('2025-01-02T04:04:05+01:00', 'date')).toBe('2025-01-02T03:04:05.000Z');
    expect(text(1735787045, 'date')).toBe('2025-01-02T03:04:05.000Z');
    expect(text(1735787045123, 'date')).toBe('2025-01-02T03:04:05.123Z');
    expect(text(true, 'boolean')).toBe('true');
    expect(text(false, 'boolean')).toBe('false');
    expect(text(42, 'number')).toBe('42');
    expect(text(undefined)).toBe('');
    expect(text(null)).toBe('');
    expect(text('')).toBe('');
  });

  it.each(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'])(
    'prefixes a string starting with %j with a quote, and leaves it raw when asked',
    (start) => {
      const value = `${start}HYPERLINK("http://evil.example","x")`;
      expect(text(value)).toBe(`'${value}`);
      expect(text(value, 'text', false)).toBe(value);
    },
  );

  it('neutralises only the start of a cell, and nothing else', () => {
    expect(text('a=b+c-d@e')).toBe('a=b+c-d@e');
    expect(text(' =1+1')).toBe(' =1+1');
    expect(text("'=1")).toBe("'=1");
    expect(text('\n=1')).toBe('\n=1');
    expect(text('')).toBe('');
  });

  it('exempts JSON numbers, which cannot be formulas, but never strings', () => {
    expect(text(-5, 'number')).toBe('-5');
    expect(text(-1.5e-7, 'text')).toBe('-1.5e-7');
    expect(text('-5', 'number')).toBe("'-5");
    expect(text("-1+cmd|' /C calc'!A0", 'number')).toBe("'-1+cmd|' /C calc'!A0");
    // A number shown as a date is ISO text, not a number: neutralised like text.
    expect(text(-1e15, 'date')).toBe("'-029719-04-05T22:13:20.000Z");
  });

  it('neutralises row fields and JSON cells too (JSON cells never start like a formula)', () => {
    const r = { ...row({ Tags: [{ Key: '=x' }] }), identifier: '@SUM(1)' };
    const identifier: ExportColumn = {
      id: 'identifier',
      header: 'Identifier',
      kind: 'text',
      source: { field: 'identifier' },
    };
    expect(exportCellText(r, identifier, true)).toBe("'@SUM(1)");
    expect(exportCellText(r, prop('Tags', 'json'), true)).toBe('[{"Key":"=x"}]');
  });
});

describe('exportCells', () => {
  it('gives one cell per column, in order', () => {
    const r = row({ A: 'a', B: 2 });
    expect(exportCells(r, [prop('B'), prop('Missing'), prop('A')], true)).toEqual(['2', '', 'a']);
  });
});

describe('neutralizeFormula', () => {
  it('adds a single quote only before a formula start', () => {
    expect(neutralizeFormula('=1')).toBe("'=1");
    expect(neutralizeFormula('1=')).toBe('1=');
    expect(neutralizeFormula('')).toBe('');
  });
});
