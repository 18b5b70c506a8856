import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import {
  buildApi,
  type CallName,
  type InventoryRow,
  type Settings,
  type SettingsPatch,
} from '../../shared/contract';
import type { GridColumn, GridIndex } from '../grid/types';
import type { InventoryState } from './inventory-types';
import {
  SAVE_DELAY_MS,
  createTableViewStore,
  nextSort,
  resolveLayout,
  viewQuery,
  visibleColumns,
} from './table-view';

const column = (id: string, defaultVisible = true, defaultWidth = 160): GridColumn => ({
  id,
  header: id,
  kind: 'text',
  source:
    id === 'region' || id === 'account' || id === 'identifier' ? { field: id } : { property: id },
  description: null,
  defaultVisible,
  defaultWidth,
});

// As the engine derives them: region and account are not default-visible, the table decides.
const imageColumns = [
  column('region', false),
  column('account', false),
  column('identifier'),
  column('ImageName'),
  column('ImageArn', false),
  column('Tags', false),
];

const settingsWith = (columns: Settings['browse']['columns'] = {}): Settings => ({
  browse: { profile: null, regionsByProfile: {}, typeName: null, recentTypes: [], columns },
  profiles: {},
  export: { bom: false, neutralizeFormulas: true },
});

/** A CloudshelfApi whose settings calls are scripted and recorded. */
function settingsApi(stored: Settings) {
  const updates: SettingsPatch[] = [];
  const calls: CallName[] = [];
  const api = buildApi({
    call: (name, args) => {
      calls.push(name);
      if (name === 'settings.get') return Promise.resolve({ ok: true, value: stored });
      if (name === 'settings.update') {
        updates.push((args as { patch: SettingsPatch }).patch);
        return Promise.resolve({ ok: true, value: stored });
      }
      return Promise.resolve({ ok: false, error: { code: 'Internal', message: 'unscripted' } });
    },
    subscribe: () => () => undefined,
  });
  return { api, updates, calls };
}

/** A GridIndex over a fixed list of keys, in key order, enough for selection and pruning. */
function fakeIndex(keys: string[]): GridIndex {
  const rows: InventoryRow[] = keys.map((key) => ({
    key,
    typeName: 'AWS::SageMaker::Image',
    account: '123456789012',
    region: 'eu-west-1',
    identifier: key,
    properties: {},
    readAt: 0,
  }));
  const slots = new Map(rows.map((row, slot) => [row.key, slot]));
  return {
    columns: [],
    get size() {
      return rows.length;
    },
    version: 0,
    upsert: () => undefined,
    remove: (predicate) => {
      for (const row of rows.filter(predicate)) slots.delete(row.key);
    },
    clear: () => {
      slots.clear();
    },
    row: (slot) => {
      const row = rows[slot];
      if (!row) throw new Error(`no slot ${String(slot)}`);
      return row;
    },
    slotOf: (key) => slots.get(key) ?? -1,
    text: (slot) => rows[slot]?.identifier ?? '',
    view: () => Uint32Array.from([...slots.values()]),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const image = 'AWS::SageMaker::Image';

async function storeFor(stored: Settings = settingsWith()) {
  const harness = settingsApi(stored);
  const store = createTableViewStore(harness.api);
  store.getState().setScope({ profile: 'Sandbox', typeName: image, columns: imageColumns });
  await settle();
  return { ...harness, store };
}

describe('column layout', () => {
  it('falls back to the columns’ defaults when nothing is saved', async () => {
    const { store } = await storeFor();
    expect(store.getState().layout).toEqual({
      visible: ['region', 'account', 'identifier', 'ImageName'],
      widths: {},
    });
  });

  it('applies a saved layout, dropping ids an older schema had and clamping widths', async () => {
    const { store } = await storeFor(
      settingsWith({
        [image]: {
          visible: ['ImageName', 'GoneProperty', 'identifier', 'ImageArn'],
          widths: { ImageName: 300, GoneProperty: 90, ImageArn: 2000 },
        },
      }),
    );
    expect(store.getState().layout).toEqual({
      visible: ['ImageName', 'identifier', 'ImageArn'],
      widths: { ImageName: 300, ImageArn: 2000 },
    });
  });

  it('keeps the identifier even when a saved layout lost it, and uses defaults when nothing is left', () => {
    expect(resolveLayout(imageColumns, { visible: ['Tags'], widths: {} }).visible).toEqual([
      'identifier',
      'Tags',
    ]);
    expect(resolveLayout(imageColumns, { visible: ['Gone'], widths: {} }).visible).toEqual([
      'region',
      'account',
      'identifier',
      'ImageName',
    ]);
  });

  describe('saving', () => {
    beforeEach(() => {
      vi.useFakeTimers();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('saves the type’s layout once the changes pause', async () => {
      const harness = settingsApi(settingsWith());
      const store = createTableViewStore(harness.api);
      store.getState().setScope({ profile: 'Sandbox', typeName: image, columns: imageColumns });
      await vi.runAllTimersAsync();

      store.getState().setColumnVisible('Tags', true);
      store.getState().setColumnWidths({ ImageName: 251.6 });
      store.getState().moveColumn('Tags', -10);
      expect(harness.updates).toEqual([]);
      await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);

      expect(harness.updates).toEqual([
        {
          browse: {
            columns: {
              [image]: {
                visible: ['Tags', 'region', 'account', 'identifier', 'ImageName'],
                widths: { ImageName: 252 },
              },
            },
          },
        },
      ]);
    });

    it('saves a pending change at once when the type changes', async () => {
      const harness = settingsApi(settingsWith());
      const store = createTableViewStore(harness.api);
      store.getState().setScope({ profile: 'Sandbox', typeName: image, columns: imageColumns });
      await vi.runAllTimersAsync();
      store.getState().setColumnVisible('ImageName', false);
      store.getState().setScope({
        profile: 'Sandbox',
        typeName: 'AWS::SageMaker::Model',
        columns: [column('identifier')],
      });
      await vi.advanceTimersByTimeAsync(0);
      expect(harness.updates).toHaveLength(1);
      expect(harness.updates[0]?.browse?.columns?.[image]?.visible).toEqual([
        'region',
        'account',
        'identifier',
      ]);
    });

    it('does not let the identifier be hidden, and remembers a changed layout for the session', async () => {
      const harness = settingsApi(settingsWith());
      const store = createTableViewStore(harness.api);
      const model = {
        profile: 'Sandbox',
        typeName: 'AWS::SageMaker::Model',
        columns: [column('identifier')],
      };
      store.getState().setScope({ profile: 'Sandbox', typeName: image, columns: imageColumns });
      await vi.runAllTimersAsync();
      store.getState().setColumnVisible('identifier', false);
      store.getState().setColumnVisible('ImageArn', true);
      store.getState().setScope(model);
      store.getState().setScope({ profile: 'Sandbox', typeName: image, columns: imageColumns });
      await vi.runAllTimersAsync();
      expect(store.getState().layout.visible).toEqual([
        'region',
        'account',
        'identifier',
        'ImageName',
        'ImageArn',
      ]);
    });
  });

  it('reset returns to the defaults', async () => {
    const { store } = await storeFor(
      settingsWith({ [image]: { visible: ['identifier'], widths: { identifier: 99 } } }),
    );
    store.getState().resetColumns();
    expect(store.getState().layout).toEqual({
      visible: ['region', 'account', 'identifier', 'ImageName'],
      widths: {},
    });
  });

  it('places a dragged column before or after another', async () => {
    const { store } = await storeFor();
    store.getState().placeColumn('region', 'ImageName', 'after');
    expect(store.getState().layout.visible).toEqual([
      'account',
      'identifier',
      'ImageName',
      'region',
    ]);
    store.getState().placeColumn('ImageName', 'account', 'before');
    expect(store.getState().layout.visible).toEqual([
      'ImageName',
      'account',
      'identifier',
      'region',
    ]);
  });
});

describe('visible columns', () => {
  const layout = { visible: ['region', 'identifier', 'account', 'ImageName'], widths: {} };

  it('shows region and account only when more than one is in play', () => {
    const ids = (multiRegion: boolean, multiAccount: boolean) =>
      visibleColumns(imageColumns, layout, { multiRegion, multiAccount }).map((c) => c.id);
    expect(ids(false, false)).toEqual(['identifier', 'ImageName']);
    expect(ids(true, false)).toEqual(['region', 'identifier', 'ImageName']);
    expect(ids(true, true)).toEqual(['region', 'identifier', 'account', 'ImageName']);
  });

  it('asks the engine only for sorts and filters on columns on screen', () => {
    const shown = visibleColumns(imageColumns, layout, { multiRegion: false, multiAccount: false });
    expect(
      viewQuery(
        {
          sort: [
            { columnId: 'region', desc: false },
            { columnId: 'ImageName', desc: true },
          ],
          search: '  training ',
          filters: { region: 'eu', ImageName: 'a', identifier: ' ' },
        },
        shown,
      ),
    ).toEqual({
      sort: [{ columnId: 'ImageName', desc: true }],
      search: 'training',
      filters: { ImageName: 'a' },
    });
  });
});

describe('sorting', () => {
  it('cycles a plain click asc → desc → off, replacing other keys', () => {
    let sort = nextSort([], 'ImageName', false);
    expect(sort).toEqual([{ columnId: 'ImageName', desc: false }]);
    sort = nextSort(sort, 'ImageName', false);
    expect(sort).toEqual([{ columnId: 'ImageName', desc: true }]);
    expect(nextSort(sort, 'ImageName', false)).toEqual([]);
    expect(
      nextSort(
        [
          { columnId: 'region', desc: false },
          { columnId: 'ImageName', desc: false },
        ],
        'ImageName',
        false,
      ),
    ).toEqual([{ columnId: 'ImageName', desc: true }]);
  });

  it('shift adds a key, then cycles that key in place', async () => {
    const { store } = await storeFor();
    const { toggleSort } = store.getState();
    toggleSort('region', false);
    toggleSort('ImageName', true);
    expect(store.getState().sort).toEqual([
      { columnId: 'region', desc: false },
      { columnId: 'ImageName', desc: false },
    ]);
    toggleSort('region', true);
    expect(store.getState().sort).toEqual([
      { columnId: 'region', desc: true },
      { columnId: 'ImageName', desc: false },
    ]);
    toggleSort('region', true);
    expect(store.getState().sort).toEqual([{ columnId: 'ImageName', desc: false }]);
  });

  it('hiding a column drops its sort and filter', async () => {
    const { store } = await storeFor();
    store.getState().toggleSort('ImageName', false);
    store.getState().setFilter('ImageName', 'abc');
    store.getState().setColumnVisible('ImageName', false);
    expect(store.getState().sort).toEqual([]);
    expect(store.getState().filters).toEqual({});
  });
});

describe('selection', () => {
  const keys = ['a', 'b', 'c', 'd', 'e', 'f'];

  it('shift-click selects the range from the anchor, added to what was selected', async () => {
    const { store } = await storeFor();
    const index = fakeIndex(keys);
    const view = index.view({ sort: [], search: '', filters: {} });
    store.getState().toggleSelected('f');
    store.getState().toggleSelected('b');
    store.getState().selectRange('d', view, index);
    expect([...store.getState().selection].sort()).toEqual(['b', 'c', 'd', 'f']);
    // Moving the range end back shrinks it to the anchor's base again.
    store.getState().selectRange('c', view, index);
    expect([...store.getState().selection].sort()).toEqual(['b', 'c', 'f']);
  });

  it('extends from the active row when keyboard focus set the anchor', async () => {
    const { store } = await storeFor();
    const index = fakeIndex(keys);
    const view = index.view({ sort: [], search: '', filters: {} });
    store.getState().setActive('c');
    store.getState().selectRange('a', view, index);
    expect([...store.getState().selection].sort()).toEqual(['a', 'b', 'c']);
  });

  it('selects all filtered rows, and clears', async () => {
    const { store } = await storeFor();
    const index = fakeIndex(keys);
    const view = Uint32Array.from([1, 3]);
    store.getState().toggleSelected('a');
    store.getState().selectAllFiltered(view, index);
    expect([...store.getState().selection]).toEqual(['b', 'd']);
    store.getState().clearSelection();
    expect(store.getState().selection.size).toBe(0);
  });

  it('is cleared when the type or profile changes', async () => {
    const { store } = await storeFor();
    store.getState().toggleSelected('a');
    store.getState().setActive('a', { open: true });
    store.getState().setScope({ profile: 'Work', typeName: image, columns: imageColumns });
    expect(store.getState().selection.size).toBe(0);
    expect(store.getState().drawerOpen).toBe(false);

    store.getState().toggleSelected('a');
    store.getState().setSearch('x');
    store.getState().setScope({
      profile: 'Work',
      typeName: 'AWS::SageMaker::Model',
      columns: [column('identifier')],
    });
    expect(store.getState().selection.size).toBe(0);
    expect(store.getState().search).toBe('');
  });

  it('keeps selection, query and drawer when only the regions change', async () => {
    const { store } = await storeFor();
    store.getState().toggleSelected('a');
    store.getState().setSearch('x');
    store.getState().setScope({ profile: 'Sandbox', typeName: image, columns: imageColumns });
    expect(store.getState().selection.size).toBe(1);
    expect(store.getState().search).toBe('x');
  });

  it('drops rows that disappear, closing the drawer on a vanished row', async () => {
    const { store } = await storeFor();
    const index = fakeIndex(keys);
    store.getState().toggleSelected('a');
    store.getState().toggleSelected('b');
    store.getState().setActive('b', { open: true });
    index.remove((row) => row.key === 'b');
    store.getState().pruneRows(index);
    expect([...store.getState().selection]).toEqual(['a']);
    expect(store.getState().activeKey).toBeNull();
    expect(store.getState().drawerOpen).toBe(false);
  });
});

describe('following the inventory', () => {
  it('takes scope and columns from the inventory store and prunes on new rows', async () => {
    const { store } = await storeFor();
    const index = fakeIndex(['a', 'b']);
    const inventory = createStore<InventoryState>()(() => ({
      scope: { profile: 'Sandbox', regions: ['eu-west-1'], typeName: image },
      phase: 'scanning',
      error: null,
      type: null,
      columns: imageColumns,
      index,
      rowsVersion: 1,
      regions: {},
      multiRegion: false,
      multiAccount: false,
    }));
    const stop = store.getState().follow(inventory);
    store.getState().toggleSelected('a');
    store.getState().toggleSelected('b');
    index.remove((row) => row.key === 'a');
    inventory.setState({ rowsVersion: 2 });
    expect([...store.getState().selection]).toEqual(['b']);

    inventory.setState({
      scope: { profile: 'Sandbox', regions: ['eu-west-1'], typeName: 'AWS::SageMaker::Model' },
      columns: [column('identifier')],
    });
    expect(store.getState().typeName).toBe('AWS::SageMaker::Model');
    expect(store.getState().selection.size).toBe(0);
    stop();
  });
});
