import { describe, expect, it } from 'vitest';
import type { InventoryRow } from '../../shared/contract';
import { collator } from './collate';
import { createGridIndex, type IdleScheduler } from './index';
import { seededRandom } from './seeded-random';
import type { ColumnKind, ColumnSource, GridColumn, GridIndex, SortSpec, ViewQuery } from './types';

function column(id: string, kind: ColumnKind): GridColumn {
  const source: ColumnSource =
    id === 'region' || id === 'account' || id === 'identifier' ? { field: id } : { property: id };
  return {
    id,
    header: id,
    kind,
    source,
    description: null,
    defaultVisible: true,
    defaultWidth: 100,
  };
}

const COLUMNS: GridColumn[] = [
  column('region', 'text'),
  column('identifier', 'text'),
  column('Name', 'text'),
  column('Status', 'text'),
  column('Size', 'number'),
  column('Created', 'date'),
  column('Enabled', 'boolean'),
  column('Tags', 'json'),
];

function row(id: string, properties: Record<string, unknown>, region = 'us-east-1'): InventoryRow {
  return {
    key: `123456789012/${region}/${id}`,
    typeName: 'AWS::SageMaker::Image',
    account: '123456789012',
    region,
    identifier: id,
    properties,
    readAt: 0,
  };
}

function query(part: Partial<ViewQuery> = {}): ViewQuery {
  return { sort: [], search: '', filters: {}, ...part };
}

/** Identifiers of the view, in display order. */
function ids(index: GridIndex, q: Partial<ViewQuery> = {}): string[] {
  return [...index.view(query(q))].map((slot) => index.row(slot).identifier);
}

function asc(columnId: string): SortSpec {
  return { columnId, desc: false };
}
function desc(columnId: string): SortSpec {
  return { columnId, desc: true };
}

describe('createGridIndex: sorting', () => {
  const rows = [
    row('a', { Name: 'image-10', Status: 'Ready', Size: 3, Created: '2024-01-03T00:00:00Z' }),
    row('b', { Name: 'image-2', Status: 'failed', Size: 1, Created: 1704067200 }),
    row('c', { Name: 'Image-1', Status: 'ready', Created: '2024-01-02T02:00:00+02:00' }),
    row('d', { Name: null, Status: 'Failed', Size: 2, Created: 'someday' }),
    row('e', { Name: 'image-2', Status: 'ready', Size: 3 }),
  ];
  const index = createGridIndex(COLUMNS, { idle: null });
  index.upsert(rows);

  it('orders numbers inside names by value, case-insensitively, missing last', () => {
    expect(ids(index, { sort: [asc('Name')] })).toEqual(['c', 'b', 'e', 'a', 'd']);
    // Descending reverses present values; missing stays last; ties keep arrival order.
    expect(ids(index, { sort: [desc('Name')] })).toEqual(['a', 'b', 'e', 'c', 'd']);
  });

  it('breaks ties with the second key, in either direction', () => {
    expect(ids(index, { sort: [asc('Status'), asc('Name')] })).toEqual(['b', 'd', 'c', 'e', 'a']);
    expect(ids(index, { sort: [asc('Status'), desc('Name')] })).toEqual(['b', 'd', 'a', 'e', 'c']);
    expect(ids(index, { sort: [desc('Status'), asc('Size')] })).toEqual(['a', 'e', 'c', 'b', 'd']);
  });

  it('sorts numbers numerically and dates chronologically, missing last both ways', () => {
    expect(ids(index, { sort: [asc('Size')] })).toEqual(['b', 'd', 'a', 'e', 'c']);
    expect(ids(index, { sort: [desc('Size')] })).toEqual(['a', 'e', 'd', 'b', 'c']);
    // b: 2024-01-01 (epoch seconds), c: 2024-01-02T00:00Z (offset), a: 2024-01-03.
    expect(ids(index, { sort: [asc('Created')] })).toEqual(['b', 'c', 'a', 'd', 'e']);
    expect(ids(index, { sort: [desc('Created')] })).toEqual(['a', 'c', 'b', 'd', 'e']);
  });

  it('keeps arrival order without a sort, and ignores unknown columns', () => {
    expect(ids(index)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ids(index, { sort: [asc('Nope')] })).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('createGridIndex: searching and filtering', () => {
  const index = createGridIndex(COLUMNS, { idle: null });
  index.upsert([
    row('a', { Name: 'Training-Image', Status: 'Ready', Tags: [{ Key: 'team', Value: 'ML' }] }),
    row('b', { Name: 'inference', Status: 'Failed', Enabled: true }, 'eu-west-1'),
    row('c', { Name: 'batch', Status: 'ready', Created: 1704067200 }),
  ]);

  it('searches every column case-insensitively, including nested values and dates', () => {
    expect(ids(index, { search: 'IMAGE' })).toEqual(['a']);
    expect(ids(index, { search: 'eu-west' })).toEqual(['b']);
    expect(ids(index, { search: '"value":"ml"' })).toEqual(['a']);
    expect(ids(index, { search: '2024-01-01t' })).toEqual(['c']);
    expect(ids(index, { search: 'true' })).toEqual(['b']);
    expect(ids(index, { search: '  ready ' })).toEqual(['a', 'c']);
  });

  it('never matches across two cells', () => {
    // identifier "a" then Name "Training-Image": no cell contains "atraining".
    expect(ids(index, { search: 'atraining' })).toEqual([]);
  });

  it('applies every column filter and the search together', () => {
    expect(ids(index, { filters: { Status: 'READY' } })).toEqual(['a', 'c']);
    expect(ids(index, { filters: { Status: 'ready', Name: 'bat' } })).toEqual(['c']);
    expect(ids(index, { filters: { Status: 'ready' }, search: 'team' })).toEqual(['a']);
    // A filter matches its own column only.
    expect(ids(index, { filters: { Name: 'ready' } })).toEqual([]);
    expect(ids(index, { filters: { Status: '', Nope: 'x' } })).toEqual(['a', 'b', 'c']);
  });

  it('sorts what it filters', () => {
    expect(ids(index, { filters: { Status: 'ready' }, sort: [desc('Name')] })).toEqual(['a', 'c']);
  });
});

describe('createGridIndex: incremental narrowing', () => {
  const WORDS = ['alpha', 'Beta', 'gamma', 'delta-2', 'delta-10', 'ÉPSILON', 'zeta', 'eta'];

  function randomRows(random: () => number, n: number, offset = 0): InventoryRow[] {
    const pick = () => WORDS[Math.floor(random() * WORDS.length)] ?? '';
    return Array.from({ length: n }, (_, i) =>
      row(
        `id-${offset + i}`,
        {
          Name: random() < 0.1 ? undefined : `${pick()}-${pick()}`,
          Status: pick(),
          Size: random() < 0.2 ? null : Math.floor(random() * 20),
        },
        random() < 0.5 ? 'us-east-1' : 'eu-west-1',
      ),
    );
  }

  /** Filters and sorts the rows directly, from their display text: what the view must equal. */
  function naive(index: GridIndex, q: ViewQuery): string[] {
    const slots = Array.from({ length: index.size }, (_, slot) => slot);
    const text = (slot: number, id: string) => index.text(slot, id).toLowerCase();
    const search = q.search.trim().toLowerCase();
    const matches = slots.filter(
      (slot) =>
        (search === '' || index.columns.some((c) => text(slot, c.id).includes(search))) &&
        Object.entries(q.filters).every(([id, f]) =>
          text(slot, id).includes(f.trim().toLowerCase()),
        ),
    );
    const compare = (a: number, b: number): number => {
      for (const { columnId, desc: down } of q.sort) {
        const ta = index.text(a, columnId);
        const tb = index.text(b, columnId);
        if (ta === '' || tb === '') {
          if (ta !== tb) return ta === '' ? 1 : -1;
          continue;
        }
        const c = columnId === 'Size' ? Number(ta) - Number(tb) : collator.compare(ta, tb);
        if (c !== 0) return down ? -c : c;
      }
      return a - b;
    };
    return matches.sort(compare).map((slot) => index.row(slot).identifier);
  }

  it('gives the same rows as filtering from scratch, whatever is typed', () => {
    const random = seededRandom(20240301);
    const index = createGridIndex(COLUMNS, { idle: null });
    index.upsert(randomRows(random, 400));
    const sorts: SortSpec[][] = [[], [asc('Name')], [desc('Status'), asc('Size')], [desc('Size')]];
    let search = '';
    let statusFilter = '';
    for (let step = 0; step < 300; step++) {
      const r = random();
      if (r < 0.45) search += 'aeltmdz-1é '.charAt(Math.floor(random() * 11));
      else if (r < 0.6) search = search.slice(0, -1);
      else if (r < 0.7) statusFilter += 'ealt'.charAt(Math.floor(random() * 4));
      else if (r < 0.75) statusFilter = '';
      else if (r < 0.8) search = '';
      else if (r < 0.85) index.upsert(randomRows(random, 3, 1000 + step * 3));
      const q = query({
        search,
        filters: statusFilter ? { Status: statusFilter } : {},
        sort: sorts[Math.floor(random() * sorts.length)] ?? [],
      });
      expect(ids(index, q), JSON.stringify(q)).toEqual(naive(index, q));
    }
  });

  it('returns the very same array for the same query at the same version', () => {
    const index = createGridIndex(COLUMNS, { idle: null });
    index.upsert(randomRows(seededRandom(1), 50));
    const q = query({ search: 'alp', sort: [asc('Name')] });
    const first = index.view(q);
    expect(index.view({ ...q, filters: {} })).toBe(first);
    index.upsert(randomRows(seededRandom(2), 1, 99));
    expect(index.view(q)).not.toBe(first);
  });
});

describe('createGridIndex: changes', () => {
  it('replaces a re-read row in place, keeping its slot and its place in the view', () => {
    const index = createGridIndex(COLUMNS, { idle: null });
    index.upsert([
      row('a', { Name: 'one' }),
      row('b', { Name: 'two' }),
      row('c', { Name: 'three' }),
    ]);
    const before = index.version;
    const slot = index.slotOf(row('b', {}).key);
    expect(ids(index)).toEqual(['a', 'b', 'c']);
    index.upsert([row('b', { Name: 'TWO', Size: 5 })]);
    expect(index.version).toBeGreaterThan(before);
    expect(index.size).toBe(3);
    expect(index.slotOf(row('b', {}).key)).toBe(slot);
    expect(index.text(slot, 'Name')).toBe('TWO');
    expect(index.text(slot, 'Size')).toBe('5');
    expect(ids(index)).toEqual(['a', 'b', 'c']);
    expect(ids(index, { search: 'two' })).toEqual(['b']);
    expect(ids(index, { sort: [asc('Name')] })).toEqual(['a', 'c', 'b']);
  });

  it('replaces prepared search text and sort keys too', () => {
    const index = createGridIndex(COLUMNS, { idle: null });
    index.upsert([row('a', { Name: 'apple' }), row('b', { Name: 'banana' })]);
    expect(ids(index, { search: 'apple', sort: [asc('Name')] })).toEqual(['a']);
    index.upsert([row('a', { Name: 'cherry' })]);
    expect(ids(index, { search: 'apple' })).toEqual([]);
    expect(ids(index, { sort: [asc('Name')] })).toEqual(['b', 'a']);
  });

  it('removes rows, compacting slots and keeping the others in order', () => {
    const index = createGridIndex(COLUMNS, { idle: null });
    index.upsert([
      row('a', { Name: 'x' }, 'eu-west-1'),
      row('b', { Name: 'y' }),
      row('c', { Name: 'x' }, 'eu-west-1'),
      row('d', { Name: 'x' }),
    ]);
    expect(ids(index, { sort: [asc('Name')], search: 'x' })).toEqual(['a', 'c', 'd']);
    const before = index.version;
    index.remove((r) => r.region === 'eu-west-1');
    expect(index.version).toBeGreaterThan(before);
    expect(index.size).toBe(2);
    expect(ids(index)).toEqual(['b', 'd']);
    expect(ids(index, { sort: [asc('Name')] })).toEqual(['d', 'b']);
    expect(ids(index, { search: 'x' })).toEqual(['d']);
    expect(index.slotOf(row('a', {}, 'eu-west-1').key)).toBe(-1);
    expect(index.row(index.slotOf(row('d', {}).key)).identifier).toBe('d');
    // Nothing removed: nothing changes.
    const unchanged = index.version;
    index.remove(() => false);
    expect(index.version).toBe(unchanged);
  });

  it('clears', () => {
    const index = createGridIndex(COLUMNS, { idle: null });
    index.upsert([row('a', {}), row('b', {})]);
    const before = index.version;
    index.clear();
    expect(index.version).toBeGreaterThan(before);
    expect(index.size).toBe(0);
    expect(index.view(query()).length).toBe(0);
    expect(index.slotOf(row('a', {}).key)).toBe(-1);
    expect(() => index.row(0)).toThrow(RangeError);
    index.upsert([row('c', { Name: 'n' })]);
    expect(ids(index, { search: 'n' })).toEqual(['c']);
  });

  it('bumps the version on every change and not otherwise', () => {
    const index = createGridIndex(COLUMNS, { idle: null });
    const v0 = index.version;
    index.upsert([]);
    expect(index.version).toBe(v0);
    index.upsert([row('a', {})]);
    const v1 = index.version;
    expect(v1).toBeGreaterThan(v0);
    index.view(query({ search: 'a' }));
    expect(index.version).toBe(v1);
  });

  it('keeps one row per key when one bulk load repeats a key: the later row, the first slot', () => {
    const index = createGridIndex(COLUMNS, { idle: null });
    index.upsert([row('a', { Name: 'old' }), row('b', {}), row('a', { Name: 'new' })]);
    const version = index.version;
    const slot = index.slotOf(row('a', {}).key);
    expect(slot).toBe(0);
    expect(index.size).toBe(2);
    expect(index.text(slot, 'Name')).toBe('new');
    expect(ids(index)).toEqual(['a', 'b']);
    expect(ids(index, { search: 'new' })).toEqual(['a']);
    // Slots a caller holds stay valid until the next change, which closes the gap.
    expect(index.version).toBe(version);
    index.upsert([row('c', {})]);
    expect(index.version).toBeGreaterThan(version);
    expect(index.size).toBe(3);
    expect(ids(index)).toEqual(['a', 'b', 'c']);
    expect(index.slotOf(row('c', {}).key)).toBe(2);
    index.remove((r) => r.identifier === 'a');
    expect(ids(index)).toEqual(['b', 'c']);
    expect(index.slotOf(row('a', {}).key)).toBe(-1);
  });

  it('drops a repeated slot on remove, forgetting only removed keys', () => {
    const index = createGridIndex(COLUMNS, { idle: null });
    index.upsert([row('a', {}), row('b', {}), row('a', { Name: 'again' })]);
    index.remove((r) => r.identifier === 'b');
    expect(index.size).toBe(1);
    expect(ids(index)).toEqual(['a']);
    expect(index.text(index.slotOf(row('a', {}).key), 'Name')).toBe('again');
  });

  it('shows cells as display text, and nothing for unknown columns or slots', () => {
    const index = createGridIndex(COLUMNS, { idle: null });
    index.upsert([row('a', { Tags: [{ Key: 'k', Value: 'v' }], Enabled: false, Created: 0 })]);
    expect(index.text(0, 'Tags')).toBe('[{"Key":"k","Value":"v"}]');
    expect(index.text(0, 'Enabled')).toBe('false');
    expect(index.text(0, 'Created')).toBe('1970-01-01T00:00:00.000Z');
    expect(index.text(0, 'region')).toBe('us-east-1');
    expect(index.text(0, 'Nope')).toBe('');
    expect(index.text(5, 'Name')).toBe('');
  });
});

describe('createGridIndex: idle preparation', () => {
  it('prepares in idle time what views then use, with the same results', () => {
    const queued: ((timeLeft: () => number) => void)[] = [];
    const idle: IdleScheduler = (work) => queued.push(work);
    const random = seededRandom(5);
    const rows = Array.from({ length: 5000 }, (_, i) =>
      row(`r${i}`, { Name: `n-${Math.floor(random() * 900)}`, Size: i % 7 }),
    );
    const prepared = createGridIndex(COLUMNS, { idle, settleMs: 0 });
    const lazy = createGridIndex(COLUMNS, { idle: null });
    prepared.upsert(rows);
    lazy.upsert(rows);
    // Each idle period has "2 ms" left until the clock runs out.
    let rounds = 0;
    while (queued.length > 0 && rounds++ < 1000) {
      let left = 5;
      queued.shift()?.(() => left--);
    }
    expect(queued.length).toBe(0);
    for (const q of [
      query({ sort: [asc('Name')] }),
      query({ search: 'n-1', sort: [desc('Size'), asc('Name')] }),
    ]) {
      expect([...prepared.view(q)]).toEqual([...lazy.view(q)]);
    }
  });
});
