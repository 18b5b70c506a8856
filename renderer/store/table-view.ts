import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CloudshelfApi, ColumnLayout } from '../../shared/contract';
import { allKeys, rangeBetween } from '../grid/selection';
import type { GridColumn, GridIndex, SortSpec, ViewQuery } from '../grid/types';
import type { InventoryState } from './inventory-types';

/** Column widths the settings accept (see ColumnLayout). */
export const MIN_COLUMN_WIDTH = 40;
export const MAX_COLUMN_WIDTH = 2000;
/** The identifier names the row; it can move but not be hidden, so a row is never blank. */
export const LOCKED_COLUMN = 'identifier';
/** Layout changes are saved once the user pauses, not on every pixel of a resize drag. */
export const SAVE_DELAY_MS = 300;

/** How one table looks at the rows of the current type: query, columns, selection, focus. */
export interface TableViewState {
  profile: string | null;
  typeName: string | null;
  /** Every column the type can show, as the inventory store derived them. */
  columns: readonly GridColumn[];
  /** Visible column ids in order, and widths the user set (others use defaultWidth). */
  layout: ColumnLayout;
  sort: SortSpec[];
  search: string;
  filters: Record<string, string>;
  selection: ReadonlySet<string>;
  /** Where shift ranges start, and the selection they add to (so Shift+↑ can shrink). */
  anchorKey: string | null;
  anchorBase: ReadonlySet<string>;
  /** The row with keyboard focus; the drawer shows it. */
  activeKey: string | null;
  drawerOpen: boolean;
  shortcutsOpen: boolean;
}

export interface TableScope {
  profile: string | null;
  typeName: string | null;
  columns: readonly GridColumn[];
}

export interface TableViewActions {
  /** The inventory's scope or columns changed; a new type or profile resets selection. */
  setScope: (scope: TableScope) => void;
  /** Header click: asc → desc → off; `multi` (shift) adds or cycles one key of several. */
  toggleSort: (columnId: string, multi: boolean) => void;
  setSearch: (search: string) => void;
  setFilter: (columnId: string, value: string) => void;
  clearSearchAndFilters: () => void;
  setColumnVisible: (columnId: string, visible: boolean) => void;
  /** Moves a visible column by `delta` places (the column chooser's up/down buttons). */
  moveColumn: (columnId: string, delta: number) => void;
  /** Puts a column before or after another (dragging a header). */
  placeColumn: (columnId: string, targetId: string, side: 'before' | 'after') => void;
  setColumnWidths: (widths: Record<string, number>) => void;
  resetColumns: () => void;
  /** Checkbox click or Space: flips one row and makes it the range anchor. */
  toggleSelected: (key: string) => void;
  /** Shift-click or Shift+arrow: the anchor's base selection plus anchor…target in view order. */
  selectRange: (targetKey: string, view: Uint32Array, index: GridIndex) => void;
  selectAllFiltered: (view: Uint32Array, index: GridIndex) => void;
  clearSelection: () => void;
  /** Focuses a row; `open` opens the drawer; `anchor` (default true) moves the range anchor. */
  setActive: (key: string | null, options?: { open?: boolean; anchor?: boolean }) => void;
  closeDrawer: () => void;
  setShortcutsOpen: (open: boolean) => void;
  /** Drops selected and active keys whose rows are gone. */
  pruneRows: (index: GridIndex | null) => void;
  /** Keeps this store in step with the inventory store; returns the unsubscribe. */
  follow: (inventory: Pick<StoreApi<InventoryState>, 'getState' | 'subscribe'>) => () => void;
  /** Saves a pending layout change now (e.g. before the window closes). */
  flushLayout: () => Promise<void>;
}

export type TableViewStore = StoreApi<TableViewState & TableViewActions>;

const emptyLayout: ColumnLayout = { visible: [], widths: {} };
const emptySet: ReadonlySet<string> = new Set();

const clampWidth = (width: number): number =>
  Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, Math.round(width)));

/** Shown by default but drawn only when more than one region or account is in play. */
const AUTOMATIC_COLUMNS = new Set(['region', 'account']);

/**
 * The layout a type has before the user changes anything: its columns' defaults, plus the
 * identifier and the automatic region and account columns (hiding those is a user's choice).
 */
export function defaultLayout(columns: readonly GridColumn[]): ColumnLayout {
  const visible = columns
    .filter((c) => c.defaultVisible || c.id === LOCKED_COLUMN || AUTOMATIC_COLUMNS.has(c.id))
    .map((column) => column.id);
  return { visible, widths: {} };
}

/**
 * A saved layout applied to today's columns: ids an older schema had are dropped, widths are
 * clamped, and a layout with nothing left falls back to the defaults.
 */
export function resolveLayout(
  columns: readonly GridColumn[],
  saved: ColumnLayout | undefined,
): ColumnLayout {
  if (columns.length === 0) return emptyLayout;
  if (!saved) return defaultLayout(columns);
  const known = new Set(columns.map((column) => column.id));
  const visible = [...new Set(saved.visible)].filter((id) => known.has(id));
  if (visible.length === 0) return defaultLayout(columns);
  if (known.has(LOCKED_COLUMN) && !visible.includes(LOCKED_COLUMN)) visible.unshift(LOCKED_COLUMN);
  const widths: Record<string, number> = {};
  for (const [id, width] of Object.entries(saved.widths)) {
    if (known.has(id)) widths[id] = clampWidth(width);
  }
  return { visible, widths };
}

export function columnWidth(column: GridColumn, layout: ColumnLayout): number {
  return layout.widths[column.id] ?? clampWidth(column.defaultWidth);
}

/**
 * The columns to draw, in layout order. Region and account only earn their space when the
 * rows come from more than one of them.
 */
export function visibleColumns(
  all: readonly GridColumn[],
  layout: ColumnLayout,
  inPlay: { multiRegion: boolean; multiAccount: boolean },
): GridColumn[] {
  const byId = new Map(all.map((column) => [column.id, column]));
  const result: GridColumn[] = [];
  for (const id of layout.visible) {
    const column = byId.get(id);
    if (!column) continue;
    if (id === 'region' && !inPlay.multiRegion) continue;
    if (id === 'account' && !inPlay.multiAccount) continue;
    result.push(column);
  }
  return result;
}

/** The sort after a header click. A plain click replaces the sort; shift adds to it. */
export function nextSort(sort: readonly SortSpec[], columnId: string, multi: boolean): SortSpec[] {
  const current = sort.find((spec) => spec.columnId === columnId);
  const next: SortSpec | null = !current
    ? { columnId, desc: false }
    : current.desc
      ? null
      : { columnId, desc: true };
  if (!multi) return next ? [next] : [];
  if (!current) return [...sort, { columnId, desc: false }];
  return next
    ? sort.map((spec) => (spec.columnId === columnId ? next : spec))
    : sort.filter((spec) => spec.columnId !== columnId);
}

/** What the engine is asked for: only sorts and filters on columns that are on screen. */
export function viewQuery(
  state: Pick<TableViewState, 'sort' | 'search' | 'filters'>,
  shown: readonly GridColumn[],
): ViewQuery {
  const ids = new Set(shown.map((column) => column.id));
  const filters: Record<string, string> = {};
  for (const [id, value] of Object.entries(state.filters)) {
    if (ids.has(id) && value.trim() !== '') filters[id] = value.trim();
  }
  return {
    sort: state.sort.filter((spec) => ids.has(spec.columnId)),
    search: state.search.trim(),
    filters,
  };
}

const withoutKey = (record: Record<string, string>, key: string): Record<string, string> =>
  Object.fromEntries(Object.entries(record).filter(([id]) => id !== key));

const sameColumns = (a: readonly GridColumn[], b: readonly GridColumn[]): boolean =>
  a === b || (a.length === b.length && a.every((column, i) => column.id === b[i]?.id));

/** Everything a new type starts from. */
const freshQuery = {
  sort: [] as SortSpec[],
  search: '',
  filters: {} as Record<string, string>,
  selection: emptySet,
  anchorKey: null,
  anchorBase: emptySet,
  activeKey: null,
  drawerOpen: false,
} satisfies Partial<TableViewState>;

export function createTableViewStore(api: CloudshelfApi): TableViewStore {
  // Layouts by type name: what settings held, plus what the user changed since.
  const layouts = new Map<string, ColumnLayout>();
  let settingsLoad: Promise<void> | null = null;
  let pendingSave: {
    typeName: string;
    layout: ColumnLayout;
    timer: ReturnType<typeof setTimeout>;
  } | null = null;

  return createStore<TableViewState & TableViewActions>()((set, get) => {
    /** Loads saved layouts once; a failure is retried on the next type. */
    const loadSettings = (): Promise<void> => {
      settingsLoad ??= api.settings.get().then(
        (settings) => {
          for (const [typeName, layout] of Object.entries(settings.browse.columns)) {
            // A layout changed in this session wins over what was on disk when we asked.
            if (!layouts.has(typeName)) layouts.set(typeName, layout);
          }
        },
        () => {
          // The table works with default columns; saved ones are a convenience.
          settingsLoad = null;
        },
      );
      return settingsLoad;
    };

    const applyLayout = (): void => {
      const { typeName, columns } = get();
      set({
        layout: resolveLayout(columns, typeName === null ? undefined : layouts.get(typeName)),
      });
    };

    const save = async (typeName: string, layout: ColumnLayout): Promise<void> => {
      try {
        await api.settings.update({ patch: { browse: { columns: { [typeName]: layout } } } });
      } catch {
        // Not saving a column layout is not worth interrupting anyone; it applies for this run.
      }
    };

    const flushLayout = async (): Promise<void> => {
      if (!pendingSave) return;
      const { typeName, layout, timer } = pendingSave;
      clearTimeout(timer);
      pendingSave = null;
      await save(typeName, layout);
    };

    /** Applies a user's layout change now and saves it after a pause. */
    const changeLayout = (change: (layout: ColumnLayout) => ColumnLayout): void => {
      const { typeName, columns, layout } = get();
      if (typeName === null || columns.length === 0) return;
      const next = resolveLayout(columns, change(layout));
      layouts.set(typeName, next);
      set({ layout: next });
      if (pendingSave && pendingSave.typeName !== typeName) void flushLayout();
      if (pendingSave) clearTimeout(pendingSave.timer);
      const timer = setTimeout(() => void flushLayout(), SAVE_DELAY_MS);
      pendingSave = { typeName, layout: next, timer };
    };

    return {
      profile: null,
      typeName: null,
      columns: [],
      layout: emptyLayout,
      ...freshQuery,
      shortcutsOpen: false,

      setScope({ profile, typeName, columns }) {
        const state = get();
        const typeChanged = typeName !== state.typeName;
        const profileChanged = profile !== state.profile;
        if (!typeChanged && !profileChanged && sameColumns(columns, state.columns)) {
          if (columns !== state.columns) set({ columns });
          return;
        }
        if (typeChanged) {
          void flushLayout();
          set({ profile, typeName, columns, ...freshQuery });
        } else if (profileChanged) {
          set({
            profile,
            columns,
            selection: emptySet,
            anchorKey: null,
            anchorBase: emptySet,
            activeKey: null,
            drawerOpen: false,
          });
        } else {
          // Same type, new schema (e.g. described live after the snapshot): forget what is gone.
          const known = new Set(columns.map((column) => column.id));
          set({
            columns,
            sort: state.sort.filter((spec) => known.has(spec.columnId)),
            filters: Object.fromEntries(
              Object.entries(state.filters).filter(([id]) => known.has(id)),
            ),
          });
        }
        applyLayout();
        if (typeChanged && typeName !== null) {
          void loadSettings().then(() => {
            if (get().typeName === typeName) applyLayout();
          });
        }
      },

      toggleSort(columnId, multi) {
        set({ sort: nextSort(get().sort, columnId, multi) });
      },

      setSearch(search) {
        set({ search });
      },

      setFilter(columnId, value) {
        const filters = get().filters;
        set({
          filters: value === '' ? withoutKey(filters, columnId) : { ...filters, [columnId]: value },
        });
      },

      clearSearchAndFilters() {
        set({ search: '', filters: {} });
      },

      setColumnVisible(columnId, visible) {
        if (!visible && columnId === LOCKED_COLUMN) return;
        changeLayout((layout) => ({
          ...layout,
          visible: visible
            ? layout.visible.includes(columnId)
              ? layout.visible
              : [...layout.visible, columnId]
            : layout.visible.filter((id) => id !== columnId),
        }));
        if (!visible) {
          // A hidden column's sort or filter would act on the rows with nothing on screen saying so.
          const { sort, filters } = get();
          set({
            sort: sort.filter((spec) => spec.columnId !== columnId),
            filters: withoutKey(filters, columnId),
          });
        }
      },

      moveColumn(columnId, delta) {
        changeLayout((layout) => {
          const from = layout.visible.indexOf(columnId);
          if (from < 0) return layout;
          const to = Math.max(0, Math.min(layout.visible.length - 1, from + delta));
          const visible = layout.visible.filter((id) => id !== columnId);
          visible.splice(to, 0, columnId);
          return { ...layout, visible };
        });
      },

      placeColumn(columnId, targetId, side) {
        if (columnId === targetId) return;
        changeLayout((layout) => {
          if (!layout.visible.includes(columnId) || !layout.visible.includes(targetId))
            return layout;
          const visible = layout.visible.filter((id) => id !== columnId);
          const at = visible.indexOf(targetId) + (side === 'after' ? 1 : 0);
          visible.splice(at, 0, columnId);
          return { ...layout, visible };
        });
      },

      setColumnWidths(widths) {
        changeLayout((layout) => {
          const next = { ...layout.widths };
          for (const [id, width] of Object.entries(widths)) next[id] = clampWidth(width);
          return { ...layout, widths: next };
        });
      },

      resetColumns() {
        changeLayout(() => defaultLayout(get().columns));
      },

      toggleSelected(key) {
        const next = new Set(get().selection);
        if (!next.delete(key)) next.add(key);
        set({ selection: next, anchorKey: key, anchorBase: next });
      },

      selectRange(targetKey, view, index) {
        const { anchorKey, anchorBase, selection } = get();
        const targetSlot = index.slotOf(targetKey);
        if (targetSlot < 0) return;
        const anchorSlot = anchorKey === null ? -1 : index.slotOf(anchorKey);
        if (anchorSlot < 0) {
          const next = new Set(selection).add(targetKey);
          set({ selection: next, anchorKey: targetKey, anchorBase: next });
          return;
        }
        const next = new Set(anchorBase);
        for (const key of rangeBetween(view, anchorSlot, targetSlot, index)) next.add(key);
        set({ selection: next });
      },

      selectAllFiltered(view, index) {
        const selection = new Set<string>(allKeys(view, index));
        set({ selection, anchorBase: selection });
      },

      clearSelection() {
        set({ selection: emptySet, anchorBase: emptySet });
      },

      setActive(key, options = {}) {
        const { open = false, anchor = true } = options;
        set({
          activeKey: key,
          ...(open && key !== null ? { drawerOpen: true } : {}),
          ...(key === null ? { drawerOpen: false } : {}),
          ...(anchor ? { anchorKey: key, anchorBase: get().selection } : {}),
        });
      },

      closeDrawer() {
        set({ drawerOpen: false });
      },

      setShortcutsOpen(open) {
        set({ shortcutsOpen: open });
      },

      pruneRows(index) {
        const { selection, activeKey, anchorKey, anchorBase } = get();
        const alive = (key: string): boolean => index !== null && index.slotOf(key) >= 0;
        const patch: Partial<TableViewState> = {};
        if (selection.size > 0) {
          const kept = [...selection].filter(alive);
          if (kept.length !== selection.size) patch.selection = new Set(kept);
        }
        if (anchorBase.size > 0) {
          const kept = [...anchorBase].filter(alive);
          if (kept.length !== anchorBase.size) patch.anchorBase = new Set(kept);
        }
        if (activeKey !== null && !alive(activeKey)) {
          patch.activeKey = null;
          patch.drawerOpen = false;
        }
        if (anchorKey !== null && !alive(anchorKey)) patch.anchorKey = null;
        if (Object.keys(patch).length > 0) set(patch);
      },

      follow(inventory) {
        let lastIndex: GridIndex | null = null;
        let lastVersion = -1;
        const sync = (state: InventoryState): void => {
          get().setScope({
            profile: state.scope?.profile ?? null,
            typeName: state.scope?.typeName ?? null,
            columns: state.columns,
          });
          if (state.index !== lastIndex || state.rowsVersion !== lastVersion) {
            lastIndex = state.index;
            lastVersion = state.rowsVersion;
            get().pruneRows(state.index);
          }
        };
        sync(inventory.getState());
        return inventory.subscribe(sync);
      },

      flushLayout,
    };
  });
}
