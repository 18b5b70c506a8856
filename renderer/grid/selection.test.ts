import { describe, expect, it } from 'vitest';
import type { InventoryRow } from '../../shared/contract';
import { createGridIndex } from './index';
import { allKeys, rangeBetween } from './selection';
import type { GridColumn } from './types';

const columns: GridColumn[] = [
  {
    id: 'identifier',
    header: 'Identifier',
    kind: 'text',
    source: { field: 'identifier' },
    description: null,
    defaultVisible: true,
    defaultWidth: 260,
  },
];

function row(id: string): InventoryRow {
  return {
    key: `k-${id}`,
    typeName: 'AWS::S3::Bucket',
    account: '123456789012',
    region: 'us-east-1',
    identifier: id,
    properties: {},
    readAt: 0,
  };
}

function setup() {
  const index = createGridIndex(columns, { idle: null });
  index.upsert(['d', 'b', 'a', 'c'].map(row));
  // Display order by identifier: a, b, c, d (slots 2, 1, 3, 0).
  const view = index.view({
    sort: [{ columnId: 'identifier', desc: false }],
    search: '',
    filters: {},
  });
  return { index, view };
}

describe('rangeBetween', () => {
  it('takes the rows between anchor and target in display order, both ends included', () => {
    const { index, view } = setup();
    expect(rangeBetween(view, index.slotOf('k-b'), index.slotOf('k-d'), index)).toEqual([
      'k-b',
      'k-c',
      'k-d',
    ]);
    // Upwards too, still in display order.
    expect(rangeBetween(view, index.slotOf('k-c'), index.slotOf('k-a'), index)).toEqual([
      'k-a',
      'k-b',
      'k-c',
    ]);
    expect(rangeBetween(view, index.slotOf('k-c'), index.slotOf('k-c'), index)).toEqual(['k-c']);
  });

  it('falls back to the target alone without an anchor in view, and to nothing without the target', () => {
    const { index, view } = setup();
    expect(rangeBetween(view, -1, index.slotOf('k-b'), index)).toEqual(['k-b']);
    const filtered = index.view({ sort: [], search: 'a', filters: {} });
    expect(rangeBetween(filtered, index.slotOf('k-d'), index.slotOf('k-a'), index)).toEqual([
      'k-a',
    ]);
    expect(rangeBetween(filtered, index.slotOf('k-a'), index.slotOf('k-d'), index)).toEqual([]);
  });
});

describe('allKeys', () => {
  it('lists every row of the view in display order', () => {
    const { index, view } = setup();
    expect(allKeys(view, index)).toEqual(['k-a', 'k-b', 'k-c', 'k-d']);
    expect(allKeys(new Uint32Array(0), index)).toEqual([]);
  });
});
