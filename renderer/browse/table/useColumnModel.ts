import {
  columnFilteringFeature,
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  functionalUpdate,
  globalFilteringFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnFiltersState,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo } from 'react';
import type { ColumnLayout, InventoryRow } from '../../../shared/contract';
import type { GridColumn, SortSpec } from '../../grid/types';
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, type TableViewStore } from '../../store/table-view';

const features = tableFeatures({
  columnOrderingFeature,
  columnVisibilityFeature,
  columnSizingFeature,
  columnResizingFeature,
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
});
export type GridFeatures = typeof features;

const helper = createColumnHelper<GridFeatures, InventoryRow>();
/**
 * TanStack Table never sees the rows: the GridIndex sorts and filters 100,000 of them with
 * precomputed keys, and the body renders straight from it. The table models the columns:
 * order, visibility, sizes, the resize gesture, and sort and filter state for the headers.
 */
const NO_ROWS: InventoryRow[] = [];

interface ColumnModelInput {
  all: readonly GridColumn[];
  shown: readonly GridColumn[];
  layout: ColumnLayout;
  sort: readonly SortSpec[];
  filters: Readonly<Record<string, string>>;
  search: string;
  store: TableViewStore;
}

export function useColumnModel({
  all,
  shown,
  layout,
  sort,
  filters,
  search,
  store,
}: ColumnModelInput) {
  const columns = useMemo(
    () =>
      all.map((column) =>
        helper.display({
          id: column.id,
          header: column.header,
          size: column.defaultWidth,
          minSize: MIN_COLUMN_WIDTH,
          maxSize: MAX_COLUMN_WIDTH,
        }),
      ),
    [all],
  );
  const columnOrder = useMemo(() => shown.map((column) => column.id), [shown]);
  const columnVisibility = useMemo(() => {
    const ids = new Set(columnOrder);
    return Object.fromEntries(all.map((column) => [column.id, ids.has(column.id)]));
  }, [all, columnOrder]);
  const sorting = useMemo<SortingState>(
    () => sort.map((spec) => ({ id: spec.columnId, desc: spec.desc })),
    [sort],
  );
  const columnFilters = useMemo<ColumnFiltersState>(
    () => Object.entries(filters).map(([id, value]) => ({ id, value })),
    [filters],
  );

  return useTable({
    features,
    columns,
    data: NO_ROWS,
    getRowId: (row) => row.key,
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: true,
    enableColumnResizing: true,
    columnResizeMode: 'onChange',
    state: {
      columnOrder,
      columnVisibility,
      columnSizing: layout.widths,
      sorting,
      columnFilters,
      globalFilter: search,
    },
    // The resize gesture is TanStack's; the widths land in the table-view store, which saves
    // them per type. Order, visibility, sort and filters are changed through the store only
    // and mirrored here read-only, so no change callbacks are needed for them.
    onColumnSizingChange: (updater) => {
      store.getState().setColumnWidths(functionalUpdate(updater, store.getState().layout.widths));
    },
  });
}

export type ColumnModel = ReturnType<typeof useColumnModel>;
