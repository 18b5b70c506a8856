import { describe, expect, it } from 'vitest';
import type { InventoryRow } from '../../shared/contract';
import { createGridIndex } from '../grid/index';
import type { GridColumn } from '../grid/types';
import {
  columnsFor,
  exportSource,
  fileNameProblem,
  rowProjector,
  rowsFor,
  suggestedFileName,
  toExportColumn,
  withExtension,
} from './export-plan';

const column = (id: string, kind: GridColumn['kind'] = 'text'): GridColumn => ({
  id,
  header: id,
  kind,
  source:
    id === 'region' || id === 'account' || id === 'identifier' ? { field: id } : { property: id },
  description: `About ${id}`,
  defaultVisible: true,
  defaultWidth: 120,
});

const columns = [
  column('region'),
  column('identifier'),
  column('ImageName'),
  column('CreationTime', 'date'),
  column('Tags', 'json'),
];

const row = (name: string, region: string, created: string): InventoryRow => ({
  key: `123456789012/${region}/${name}`,
  typeName: 'AWS::SageMaker::Image',
  account: '123456789012',
  region,
  identifier: `arn:${name}`,
  properties: { ImageName: name, CreationTime: created, Tags: [{ Key: 'k', Value: name }] },
  readAt: 0,
});

function tableOf(rows: InventoryRow[]) {
  const index = createGridIndex(columns, { idle: null });
  index.upsert(rows);
  return index;
}

const rows = [
  row('charlie', 'eu-west-1', '2024-03-01T00:00:00Z'),
  row('alpha', 'us-east-1', '2024-01-01T00:00:00Z'),
  row('bravo', 'eu-west-1', '2024-02-01T00:00:00Z'),
  row('delta', 'eu-west-1', '2024-04-01T00:00:00Z'),
];

describe('exportSource', () => {
  const index = tableOf(rows);
  const shown = [columns[2], columns[0]].filter((c) => c !== undefined);
  const source = exportSource({
    index,
    typeName: 'AWS::SageMaker::Image',
    shown,
    query: {
      sort: [{ columnId: 'ImageName', desc: true }],
      search: 'eu-west',
      filters: { ImageName: 'a' },
    },
    regions: {
      'us-east-1': { state: 'done' },
      'eu-west-1': { state: 'failed' },
      'us-west-2': { state: 'cancelled' },
      'ap-northeast-1': { state: 'skipped' },
    },
  });

  it('names the regions whose list is incomplete: failed or cancelled part-way', () => {
    expect(source.incompleteRegions).toEqual(['eu-west-1', 'us-west-2']);
  });

  it('"what you see" is the filtered rows in display order, with the shown columns in order', () => {
    expect(source.viewRows.map((r) => r.properties.ImageName)).toEqual([
      'delta',
      'charlie',
      'bravo',
    ]);
    expect(source.viewColumns.map((c) => c.id)).toEqual(['ImageName', 'region']);
  });

  it('"everything" is every row in the same sort, with every column', () => {
    expect(source.allRows.map((r) => r.properties.ImageName)).toEqual([
      'delta',
      'charlie',
      'bravo',
      'alpha',
    ]);
    expect(source.allColumns.map((c) => c.id)).toEqual(columns.map((c) => c.id));
  });

  it('keeps rows, not slots, so a later change to the table does not move them', () => {
    const live = tableOf(rows);
    const taken = exportSource({
      index: live,
      typeName: 'AWS::SageMaker::Image',
      shown: columns,
      query: { sort: [], search: '', filters: {} },
      regions: {},
    });
    live.remove((r) => r.properties.ImageName === 'charlie');
    expect(taken.allRows.map((r) => r.properties.ImageName)).toContain('charlie');
    expect(taken.allRows).toHaveLength(4);
  });

  it('columns and rows per choice: CSV takes columns, JSON formats none', () => {
    expect(columnsFor(source, 'view', 'csv').map((c) => c.header)).toEqual(['ImageName', 'region']);
    expect(columnsFor(source, 'all', 'csv')).toHaveLength(5);
    expect(columnsFor(source, 'view', 'json')).toEqual([]);
    expect(columnsFor(source, 'all', 'jsonl')).toEqual([]);
    expect(rowsFor(source, 'view')).toBe(source.viewRows);
    expect(rowsFor(source, 'all')).toBe(source.allRows);
  });
});

describe('toExportColumn', () => {
  it('keeps the four fields the contract takes (a strict object)', () => {
    expect(toExportColumn(column('CreationTime', 'date'))).toEqual({
      id: 'CreationTime',
      header: 'CreationTime',
      kind: 'date',
      source: { property: 'CreationTime' },
    });
  });
});

describe('rowProjector', () => {
  it('CSV rows carry only the properties their columns read; fields stay', () => {
    const project = rowProjector('csv', columns.slice(0, 3).map(toExportColumn));
    const original = row('alpha', 'us-east-1', '2024-01-01T00:00:00Z');
    expect(project(original)).toEqual({ ...original, properties: { ImageName: 'alpha' } });
    expect(original.properties).toHaveProperty('Tags');
  });

  it('leaves out a column property the row does not have, and keeps odd names', () => {
    const project = rowProjector('csv', [
      toExportColumn(column('Missing')),
      toExportColumn(column('__proto__')),
    ]);
    const odd = JSON.parse('{"__proto__": "x"}') as Record<string, unknown>;
    const projected = project({ ...rows[0], properties: odd } as InventoryRow);
    expect(Object.keys(projected.properties)).toEqual(['__proto__']);
    expect(JSON.stringify(projected.properties)).toBe('{"__proto__":"x"}');
  });

  it('JSON formats send the row as it is', () => {
    const original = rows[1] as InventoryRow;
    expect(rowProjector('json', [])(original)).toBe(original);
    expect(rowProjector('jsonl', [])(original)).toBe(original);
  });
});

describe('file names', () => {
  const day = new Date(2026, 10, 23, 9, 30);

  it('suggests the lower-case type and the local date', () => {
    expect(suggestedFileName('AWS::SageMaker::Image', 'csv', day)).toBe(
      'sagemaker-images-2026-11-23.csv',
    );
    expect(suggestedFileName('AWS::SageMaker::ModelPackage', 'jsonl', day)).toBe(
      'sagemaker-model-packages-2026-11-23.jsonl',
    );
    expect(suggestedFileName('AWS::EC2::VPC', 'json', day)).toBe('ec2-vpcs-2026-11-23.json');
  });

  it('swaps the extension when the format changes, keeping a name the user typed', () => {
    expect(withExtension('sagemaker-images-2026-11-23.csv', 'json')).toBe(
      'sagemaker-images-2026-11-23.json',
    );
    expect(withExtension('images.jsonl', 'csv')).toBe('images.csv');
    expect(withExtension('images.JSON', 'jsonl')).toBe('images.jsonl');
    expect(withExtension('audit', 'csv')).toBe('audit.csv');
    expect(withExtension('audit.v2', 'csv')).toBe('audit.v2.csv');
  });

  it('refuses what the main process would: empty, folders, too long', () => {
    expect(fileNameProblem('images.csv')).toBeNull();
    expect(fileNameProblem('  ')).toMatch(/Enter a file name/);
    expect(fileNameProblem('../images.csv')).toMatch(/cannot contain/);
    expect(fileNameProblem('a\\b.csv')).toMatch(/cannot contain/);
    expect(fileNameProblem(`${'a'.repeat(201)}.csv`)).toMatch(/at most 200/);
  });
});
