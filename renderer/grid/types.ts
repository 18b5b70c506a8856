import type { InventoryRow } from '../../shared/contract';
import type { InventoryColumn } from '../../shared/inventory/columns';

export type { ColumnKind, ColumnSource } from '../../shared/contract';
/** One column the table can show; derived from the type's schema (see shared/inventory/columns.ts). */
export type GridColumn = InventoryColumn;

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
