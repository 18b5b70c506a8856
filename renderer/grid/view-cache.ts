import type { ViewQuery } from './types';

/** A query reduced to what decides the result: known columns, lowercased, trimmed text. */
export interface NormalQuery {
  /** Column positions and directions, first key first. */
  sort: readonly { column: number; desc: boolean }[];
  search: string;
  /** Column position → lowercased filter text; empty filters are left out. */
  filters: ReadonlyMap<number, string>;
  /** Identifies the sort alone; '' means arrival (slot) order. */
  sortKey: string;
  /** Identifies the whole query. */
  key: string;
}

export function normalizeQuery(query: ViewQuery, columnOf: (id: string) => number): NormalQuery {
  const sort: { column: number; desc: boolean }[] = [];
  const sorted = new Set<number>();
  for (const spec of query.sort) {
    const column = columnOf(spec.columnId);
    // A later spec on the same column could never break a tie, so only the first counts.
    if (column < 0 || sorted.has(column)) continue;
    sorted.add(column);
    sort.push({ column, desc: spec.desc });
  }
  const filters = new Map<number, string>();
  for (const [id, text] of Object.entries(query.filters)) {
    const column = columnOf(id);
    const needle = text.trim().toLowerCase();
    if (column >= 0 && needle !== '') filters.set(column, needle);
  }
  const search = query.search.trim().toLowerCase();
  const sortKey = sort.map((s) => `${s.column}${s.desc ? 'd' : 'a'}`).join(',');
  const filterKey = [...filters].sort((a, b) => a[0] - b[0]).map(([c, t]) => `${c}=${t}`);
  const key = JSON.stringify([sortKey, search, filterKey]);
  return { sort, search, filters, sortKey, key };
}

/** A computed view: the slots `query` matched, in its order. */
export interface ViewEntry {
  query: NormalQuery;
  slots: Uint32Array;
}

/**
 * Whether every row matching `narrower` also matches `wider`: each of wider's texts is
 * contained in narrower's text for the same place, e.g. "sag" then "sage". Then narrower's
 * result is found by scanning wider's result only.
 */
export function narrows(narrower: NormalQuery, wider: NormalQuery): boolean {
  if (!narrower.search.includes(wider.search)) return false;
  for (const [column, text] of wider.filters) {
    if (!(narrower.filters.get(column)?.includes(text) ?? false)) return false;
  }
  return true;
}

export function sameFilters(a: NormalQuery, b: NormalQuery): boolean {
  if (a.search !== b.search || a.filters.size !== b.filters.size) return false;
  for (const [column, text] of a.filters) if (b.filters.get(column) !== text) return false;
  return true;
}

// Enough for typing forward and back and a couple of sorts; each entry is at most one
// Uint32Array of the row count.
const MAX_ENTRIES = 12;

/** Views computed at one index version: exact repeats, and starting points for narrowing. */
export class ViewCache {
  private version = -1;
  private entries: ViewEntry[] = [];

  /** Forgets everything computed at another version. */
  at(version: number): this {
    if (version !== this.version) {
      this.version = version;
      this.entries = [];
    }
    return this;
  }

  /** Forgets everything, keeping the version (the same rows now show differently). */
  forget(): void {
    this.entries = [];
  }

  get(query: NormalQuery): Uint32Array | null {
    return this.entries.find((e) => e.query.key === query.key)?.slots ?? null;
  }

  /** The smallest cached result that contains every row `query` can match. */
  bestStart(query: NormalQuery): ViewEntry | null {
    let best: ViewEntry | null = null;
    for (const entry of this.entries) {
      if (!narrows(query, entry.query)) continue;
      const smaller = best === null || entry.slots.length < best.slots.length;
      const asSmallSameSort =
        best !== null &&
        entry.slots.length === best.slots.length &&
        entry.query.sortKey === query.sortKey;
      if (smaller || asSmallSameSort) best = entry;
    }
    return best;
  }

  put(entry: ViewEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
  }
}
