import type { InventoryRow } from '../../shared/contract';

/** How a column's values compare and display. `json` holds nested objects and arrays. */
export type ColumnKind = 'text' | 'number' | 'boolean' | 'date' | 'json';

/** Where a column reads its value: a row field, or a top-level property of the resource. */
export type ColumnSource = { field: 'region' | 'account' | 'identifier' } | { property: string };

/** One column the table can show; derived from the type's schema (see columns.ts). */
export interface GridColumn {
  /** Stable id: `region`, `account`, `identifier`, or the property name. */
  id: string;
  header: string;
  kind: ColumnKind;
  source: ColumnSource;
  /** The schema's description, shown as the header's tooltip and in the column chooser. */
  description: string | null;
  /** Shown when the user has no saved layout for the type. */
  defaultVisible: boolean;
  defaultWidth: number;
}

export interface SortSpec {
  columnId: string;
  desc: boolean;
}

/** What the table shows: sorted by `sort` (first entry wins), matching every filter. */
export interface ViewQuery {
  sort: readonly SortSpec[];
  /** Global search: case-insensitive substring of any column's display text. */
  search: string;
  /** Per-column filters: case-insensitive substring of that column's display text. */
  filters: Readonly<Record<string, string>>;
}

/**
 * The rows of one table, with display text, sort keys and search text computed once per row
 * as it arrives, so sorting and filtering 100,000 rows never re-reads the properties.
 */
export interface GridIndex {
  readonly columns: readonly GridColumn[];
  /** Rows held (not the filtered count). */
  readonly size: number;
  /** Bumps on every change, so views and React memos know to recompute. */
  readonly version: number;
  /** Adds rows, replacing any with the same key in place (a re-read resource keeps its slot). */
  upsert(rows: readonly InventoryRow[]): void;
  /** Drops rows, e.g. a region's rows before that region is scanned again. */
  remove(predicate: (row: InventoryRow) => boolean): void;
  clear(): void;
  /** Row by storage slot (the numbers `view` returns). */
  row(slot: number): InventoryRow;
  /** The slot holding the row with this key, or -1. */
  slotOf(key: string): number;
  /** The cell's display text: compact JSON for nested values, ISO 8601 for dates. */
  text(slot: number, columnId: string): string;
  /** Slots of the rows matching the query, in display order. */
  view(query: ViewQuery): Uint32Array;
}
