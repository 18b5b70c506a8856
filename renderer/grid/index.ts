import type { InventoryRow } from '../../shared/contract';
import { cellText, sortNumber } from '../../shared/inventory/cell-text';
import { TextSortKeys } from './text-sort-keys';
import { defaultIdle, type IdleScheduler } from './idle';
import { rankNumbers, sortByRanks, type RankKey, type Ranks } from './rank-sort';
import type { GridColumn, GridIndex, ViewQuery } from './types';
import { normalizeQuery, sameFilters, ViewCache, type NormalQuery } from './view-cache';

export { defaultIdle, type IdleScheduler } from './idle';

export interface GridIndexOptions {
  /**
   * Runs the background preparation of sort keys and search text. Defaults to the page's
   * requestIdleCallback; null leaves everything to be computed when first needed.
   */
  idle?: IdleScheduler | null;
  /**
   * How long the rows must stay unchanged before idle time also ranks every column for
   * sorting (ranks are redone after each change, so not while a scan streams rows in).
   */
  settleMs?: number;
}

// Joins a row's cell texts into its search text. No query can contain it (queries are typed
// text), so a match never spans two cells.
const CELL_SEPARATOR = '\u0001';
const MIN_CAPACITY = 1024;
// Rows per step of background work: a few milliseconds, so frames are not held up.
const CHUNK = 2048;
const KEY_CHUNK = 8192;
const SETTLE_MS = 500;
const MAX_SLICE_MS = 8;

/**
 * Column-oriented storage for one table's rows. `upsert` only stores rows, so 100,000 rows
 * can be shown at once; their display text, numeric sort keys, text sort keys and lowercased
 * search text are then computed in idle time, a chunk at a time, or at once by the first
 * sort or search that needs them. Sort ranks and views are cached until the rows change.
 *
 * One shortcut: a bulk load into an empty index maps its keys in idle time too, so if that
 * one batch repeats a key, views and `size` count the repeat until the mapping finishes
 * (`slotOf`, `remove` and the next `upsert` finish it at once). `version` changes only in
 * upsert, remove and clear.
 *
 * The arrays `view` returns are shared with its cache: read them, never write to them.
 */
export function createGridIndex(
  columns: readonly GridColumn[],
  options: GridIndexOptions = {},
): GridIndex {
  const idle = options.idle === undefined ? defaultIdle() : options.idle;
  return new ColumnarIndex(columns, idle, options.settleMs ?? SETTLE_MS);
}

/** One column's derived data; each array is valid for the slots below its `…Ready` count. */
interface ColumnData {
  readonly column: GridColumn;
  texts: string[];
  /** Number, date and boolean columns sort by these (NaN: missing); null for text columns. */
  numbers: Float64Array | null;
  textsReady: number;
  /** Text and JSON columns: encoded text sort keys, created by the first sort or idle time. */
  keys: TextSortKeys | null;
  keysReady: number;
}

class ColumnarIndex implements GridIndex {
  readonly columns: readonly GridColumn[];
  private readonly columnById = new Map<string, number>();
  private data: ColumnData[];

  private count = 0;
  private changes = 0;
  private capacity = 0;
  private rows: InventoryRow[] = [];
  private readonly slotByKey = new Map<string, number>();
  /** Slots below this have their key in slotByKey (see upsert). */
  private mapped = 0;
  /** Slots whose key an earlier slot of the same bulk load holds; dropped once all are mapped. */
  private repeated: Set<number> | null = null;
  /** Per slot: every cell's text, lowercased, joined by CELL_SEPARATOR. */
  private search: string[] = [];
  private searchReady = 0;

  private readonly ranks = new Map<number, Ranks & { version: number }>();
  private readonly lowered = new Map<number, { version: number; texts: string[] }>();
  private readonly views = new ViewCache();
  private readonly idle: IdleScheduler | null;
  private idleQueued = false;
  private readonly settleMs: number;
  /** performance.now() of the last change, for settleMs. */
  private changedAt = 0;

  constructor(columns: readonly GridColumn[], idle: IdleScheduler | null, settleMs: number) {
    this.columns = columns;
    this.idle = idle;
    this.settleMs = settleMs;
    columns.forEach((c, i) => this.columnById.set(c.id, i));
    this.data = this.emptyData();
  }

  get size(): number {
    return this.count - (this.repeated?.size ?? 0);
  }

  get version(): number {
    return this.changes;
  }

  upsert(rows: readonly InventoryRow[]): void {
    if (rows.length === 0) return;
    this.reserve(this.count + rows.length);
    if (this.count === 0) {
      // A bulk load into an empty table (a first batch, a restored snapshot): rows are only
      // stored, and their keys mapped in idle time, so 100,000 of them show at once.
      for (const row of rows) this.rows[this.count++] = row;
    } else {
      this.mapKeys(this.count);
      this.dropRepeated();
      for (const row of rows) {
        const slot = this.slotByKey.get(row.key);
        if (slot === undefined) {
          this.slotByKey.set(row.key, this.count);
          this.rows[this.count++] = row;
        } else {
          // A re-read resource keeps its slot; what was derived from the old row is redone.
          this.rows[slot] = row;
          this.refresh(slot);
        }
      }
      this.mapped = this.count;
    }
    this.changed();
    this.queueIdleWork();
  }

  remove(predicate: (row: InventoryRow) => boolean): void {
    this.mapKeys(this.count);
    const repeated = this.repeated;
    this.repeated = null;
    const removed = this.compact((row, slot) => repeated?.has(slot) === true || predicate(row));
    if (removed > 0) this.changed();
  }

  /** Closes the gaps of repeated slots (see mapKeys); the caller bumps the version. */
  private dropRepeated(): void {
    const repeated = this.repeated;
    if (!repeated) return;
    this.repeated = null;
    this.compact((_row, slot) => repeated.has(slot));
  }

  /**
   * Drops the rows `drop` picks and closes the gaps; survivors keep their order (so ties
   * still sort the same) and whatever was derived for them. Returns how many went.
   */
  private compact(drop: (row: InventoryRow, slot: number) => boolean): number {
    const { rows } = this;
    const ready = this.data.map((d) => [d.textsReady, d.keysReady] as const);
    const searchReady = this.searchReady;
    let kept = 0;
    for (let slot = 0; slot < this.count; slot++) {
      const row = rows[slot] as InventoryRow;
      if (drop(row, slot)) {
        // A repeated slot's key belongs to the earlier slot that holds its row now.
        if (this.slotByKey.get(row.key) === slot) this.slotByKey.delete(row.key);
        // A prepared prefix stays a prefix, one shorter per row dropped from it.
        this.data.forEach((d, c) => {
          const [texts = 0, keys = 0] = ready[c] ?? [];
          if (slot < texts) d.textsReady--;
          if (slot < keys) d.keysReady--;
        });
        if (slot < searchReady) this.searchReady--;
        continue;
      }
      if (kept !== slot) this.move(slot, kept);
      kept++;
    }
    const removed = this.count - kept;
    this.count = kept;
    this.mapped = Math.min(this.mapped, kept);
    rows.length = kept;
    this.search.length = Math.min(this.search.length, kept);
    for (const d of this.data) {
      d.texts.length = Math.min(d.texts.length, kept);
      d.keys?.truncate(kept);
    }
    return removed;
  }

  /**
   * Maps the keys of slots up to `upTo` (see upsert). A key the bulk load held twice keeps
   * its first slot with the later row, as separate upserts would have; the later slot is
   * left out of views from then on and dropped by the next change. No version bump here:
   * the version changes only in upsert, remove and clear, so slots a caller holds stay valid.
   */
  private mapKeys(upTo: number): void {
    let repeats = false;
    for (let slot = this.mapped; slot < upTo; slot++) {
      const row = this.rows[slot] as InventoryRow;
      const earlier = this.slotByKey.get(row.key);
      if (earlier === undefined) {
        this.slotByKey.set(row.key, slot);
        continue;
      }
      this.rows[earlier] = row;
      this.refresh(earlier);
      (this.repeated ??= new Set()).add(slot);
      repeats = true;
    }
    this.mapped = Math.max(this.mapped, upTo);
    // Views computed before showed the repeat; the next call computes them afresh.
    if (repeats) this.views.forget();
  }

  clear(): void {
    this.count = 0;
    this.capacity = 0;
    this.rows = [];
    this.search = [];
    this.searchReady = 0;
    this.slotByKey.clear();
    this.mapped = 0;
    this.repeated = null;
    this.data = this.emptyData();
    this.changed();
  }

  row(slot: number): InventoryRow {
    const row = slot < this.count ? this.rows[slot] : undefined;
    if (row === undefined) throw new RangeError(`No row in slot ${slot}`);
    return row;
  }

  slotOf(key: string): number {
    this.mapKeys(this.count);
    return this.slotByKey.get(key) ?? -1;
  }

  text(slot: number, columnId: string): string {
    const c = this.columnById.get(columnId);
    const d = c === undefined ? undefined : this.data[c];
    if (d === undefined || slot >= this.count) return '';
    if (slot < d.textsReady) return d.texts[slot] ?? '';
    // Not prepared yet (rows just arrived): the visible rows are computed as they render.
    return cellText(valueOf(this.rows[slot] as InventoryRow, d.column), d.column.kind);
  }

  view(query: ViewQuery): Uint32Array {
    const q = normalizeQuery(query, (id) => this.columnById.get(id) ?? -1);
    const cache = this.views.at(this.changes);
    const cached = cache.get(q);
    if (cached) return cached;

    // Start from the smallest earlier result that holds every possible match: typing one
    // more character only rescans the rows that matched before it.
    const start = cache.bestStart(q);
    let slots = start?.slots ?? this.allSlots();
    const filtered = start === null ? !hasFilter(q) : sameFilters(q, start.query);
    if (!filtered) slots = this.filter(slots, q);
    const order = start?.query.sortKey ?? '';
    if (order !== q.sortKey) slots = this.sort(slots, order, q);
    cache.put({ query: q, slots });
    return slots;
  }

  private allSlots(): Uint32Array {
    const repeated = this.repeated;
    const slots = new Uint32Array(this.count - (repeated?.size ?? 0));
    let m = 0;
    for (let slot = 0; slot < this.count; slot++) if (!repeated?.has(slot)) slots[m++] = slot;
    return slots;
  }

  private filter(slots: Uint32Array, q: NormalQuery): Uint32Array {
    const needle = q.search;
    const search = needle === '' ? null : this.searchTexts();
    const filters = [...q.filters].map(([c, text]) => ({ texts: this.lowerTexts(c), text }));
    const out = new Uint32Array(slots.length);
    let m = 0;
    outer: for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] ?? 0;
      if (search && !(search[slot] ?? '').includes(needle)) continue;
      for (const f of filters) if (!(f.texts[slot] ?? '').includes(f.text)) continue outer;
      out[m++] = slot;
    }
    return out.slice(0, m);
  }

  /** Reorders `slots` (currently in the order of sort key `order`) to the query's sort. */
  private sort(slots: Uint32Array, order: string, q: NormalQuery): Uint32Array {
    // Ties keep arrival order, so the counting passes start from slot order.
    const bySlot = order === '' ? slots : slots.slice().sort();
    if (q.sort.length === 0) return bySlot;
    const keys: RankKey[] = q.sort.map(({ column, desc }) => ({ ...this.rankOf(column), desc }));
    return sortByRanks(bySlot, keys);
  }

  private rankOf(c: number): Ranks {
    const cached = this.ranks.get(c);
    if (cached?.version === this.changes) return cached;
    const d = this.data[c] as ColumnData;
    this.prepareTexts(d, this.count);
    let ranks: Ranks;
    if (d.numbers) ranks = rankNumbers(d.numbers, this.count);
    else {
      const keys = this.prepareKeys(d, this.count);
      ranks = keys.rank(d.texts, this.count);
    }
    this.ranks.set(c, { ...ranks, version: this.changes });
    return ranks;
  }

  private lowerTexts(c: number): string[] {
    const cached = this.lowered.get(c);
    if (cached?.version === this.changes) return cached.texts;
    const d = this.data[c] as ColumnData;
    this.prepareTexts(d, this.count);
    const texts = d.texts.slice(0, this.count).map((t) => t.toLowerCase());
    this.lowered.set(c, { version: this.changes, texts });
    return texts;
  }

  private searchTexts(): string[] {
    this.prepareSearch(this.count);
    return this.search;
  }

  /** Display text and numeric keys of one column, for every slot below `upTo`. */
  private prepareTexts(d: ColumnData, upTo: number): void {
    const { column, texts, numbers, textsReady } = d;
    for (let slot = textsReady; slot < upTo; slot++) {
      const value = valueOf(this.rows[slot] as InventoryRow, column);
      texts[slot] = cellText(value, column.kind);
      if (numbers) numbers[slot] = sortNumber(value, column.kind);
    }
    d.textsReady = Math.max(textsReady, upTo);
  }

  private prepareKeys(d: ColumnData, upTo: number): TextSortKeys {
    this.prepareTexts(d, upTo);
    const keys = (d.keys ??= new TextSortKeys());
    let length = 0;
    for (let slot = d.keysReady; slot < upTo; slot++) length += (d.texts[slot] ?? '').length;
    keys.reserve(length);
    for (let slot = d.keysReady; slot < upTo; slot++) keys.set(slot, d.texts[slot] ?? '');
    d.keysReady = Math.max(d.keysReady, upTo);
    return keys;
  }

  private prepareSearch(upTo: number): void {
    if (this.searchReady >= upTo) return;
    for (const d of this.data) this.prepareTexts(d, upTo);
    for (let slot = this.searchReady; slot < upTo; slot++)
      this.search[slot] = this.searchText(slot);
    this.searchReady = upTo;
  }

  private searchText(slot: number): string {
    let joined = '';
    for (let c = 0; c < this.data.length; c++) {
      const text = (this.data[c] as ColumnData).texts[slot] ?? '';
      joined = c === 0 ? text : joined + CELL_SEPARATOR + text;
    }
    return joined.toLowerCase();
  }

  /** Redoes what was derived from a replaced row. */
  private refresh(slot: number): void {
    for (const d of this.data) {
      if (slot < d.textsReady) {
        const value = valueOf(this.rows[slot] as InventoryRow, d.column);
        d.texts[slot] = cellText(value, d.column.kind);
        if (d.numbers) d.numbers[slot] = sortNumber(value, d.column.kind);
      }
      if (d.keys && slot < d.keysReady) d.keys.set(slot, d.texts[slot] ?? '');
    }
    if (slot < this.searchReady) this.search[slot] = this.searchText(slot);
  }

  /** Compaction: moves everything derived for a row down to its new slot. */
  private move(from: number, to: number): void {
    const row = this.rows[from] as InventoryRow;
    this.rows[to] = row;
    this.slotByKey.set(row.key, to);
    if (from < this.search.length) this.search[to] = this.search[from] ?? '';
    for (const d of this.data) {
      if (from < d.texts.length) d.texts[to] = d.texts[from] ?? '';
      if (d.numbers) d.numbers[to] = d.numbers[from] ?? NaN;
      d.keys?.move(from, to);
    }
  }

  private emptyData(): ColumnData[] {
    return this.columns.map((column) => ({
      column,
      texts: [],
      numbers: null,
      textsReady: 0,
      keys: null,
      keysReady: 0,
    }));
  }

  /** Makes room for `needed` rows in the typed arrays, doubling so appends stay O(1). */
  private reserve(needed: number): void {
    if (needed <= this.capacity) return;
    const capacity = Math.max(needed, this.capacity * 2, MIN_CAPACITY);
    for (const d of this.data) {
      const kind = d.column.kind;
      if (kind !== 'number' && kind !== 'date' && kind !== 'boolean') continue;
      const grown = new Float64Array(capacity).fill(NaN);
      if (d.numbers) grown.set(d.numbers.subarray(0, this.count));
      d.numbers = grown;
    }
    this.capacity = capacity;
  }

  private changed(): void {
    this.changes++;
    this.changedAt = performance.now();
  }

  private queueIdleWork(): void {
    if (this.idle === null || this.idleQueued) return;
    this.idleQueued = true;
    this.idle((timeLeft) => {
      this.idleQueued = false;
      // Idle periods run up to 50 ms; a click arriving meanwhile waits for the slice to end.
      const end = performance.now() + MAX_SLICE_MS;
      while (timeLeft() > 1 && performance.now() < end) {
        const step = this.prepareChunk();
        if (step === 'done') return;
        // Waiting for the rows to settle: look again in a later idle period.
        if (step === 'later') break;
      }
      this.queueIdleWork();
    });
  }

  /**
   * One step of background preparation, in the order the table needs it: the key map, sort
   * keys of the columns shown by default, display text and numeric keys, search text, the
   * other sort keys, and once the rows have settled, every sortable column's ranks (so a
   * header click only has to count).
   */
  private prepareChunk(): 'more' | 'later' | 'done' {
    const n = this.count;
    if (this.mapped < n) {
      this.mapKeys(Math.min(n, this.mapped + KEY_CHUNK));
      return 'more';
    }
    // Sort keys of the columns shown by default first: those are the headers clicked first.
    for (const d of this.data) {
      if (d.column.defaultVisible && d.column.kind === 'text' && d.keysReady < n) {
        this.prepareKeys(d, Math.min(n, d.keysReady + CHUNK));
        return 'more';
      }
    }
    for (const d of this.data) {
      if (d.textsReady < n) {
        this.prepareTexts(d, Math.min(n, d.textsReady + CHUNK));
        return 'more';
      }
    }
    if (this.searchReady < n) {
      this.prepareSearch(Math.min(n, this.searchReady + CHUNK));
      return 'more';
    }
    for (const d of this.data) {
      if (d.column.kind === 'text' && d.keysReady < n) {
        this.prepareKeys(d, Math.min(n, d.keysReady + CHUNK));
        return 'more';
      }
    }
    const unranked = this.data.findIndex(
      (d, c) => d.column.kind !== 'json' && this.ranks.get(c)?.version !== this.changes,
    );
    if (unranked < 0 || n === 0) return 'done';
    if (performance.now() - this.changedAt < this.settleMs) return 'later';
    this.rankOf(unranked);
    return 'more';
  }
}

function hasFilter(q: NormalQuery): boolean {
  return q.search !== '' || q.filters.size > 0;
}

function valueOf(row: InventoryRow, column: GridColumn): unknown {
  const source = column.source;
  return 'field' in source ? row[source.field] : row.properties[source.property];
}
