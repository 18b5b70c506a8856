import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_includesString,
  flexRender,
  globalFilteringFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useRef, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import type { InventoryRow } from '../../shared/contract';
import { cellText, sortNumber } from '../../shared/inventory/cell-text';
import type { GridColumn } from '../grid/types';
import { OVERSCAN, ROW_HEIGHT, type BenchTable } from './bench-table';
import { useColumnWindow } from './column-window';
import { SYNTHETIC_COLUMNS } from './synthetic-rows';

// Stock TanStack Table v9: its own client-side sorted and filtered row models, with the
// built-in natural-order text sort (the same order ours gives) and substring global filter.
const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
  filterFns: { includesString: filterFn_includesString },
});

const helper = createColumnHelper<typeof features, InventoryRow>();

function valueOf(row: InventoryRow, column: GridColumn): unknown {
  const source = column.source;
  return 'field' in source ? row[source.field] : row.properties[source.property];
}

// Cells show the same text as ours; number and date columns sort by number as ours do.
const columnDefs = helper.columns(
  SYNTHETIC_COLUMNS.map((column) =>
    column.kind === 'number' || column.kind === 'date'
      ? helper.accessor((row) => sortNumber(valueOf(row, column), column.kind), {
          id: column.id,
          header: column.header,
          sortFn: 'basic',
          cell: (info) => cellText(valueOf(info.row.original, column), column.kind),
        })
      : helper.accessor((row) => cellText(valueOf(row, column), column.kind), {
          id: column.id,
          header: column.header,
          sortFn: 'alphanumeric',
        }),
  ),
);

const NO_ROWS: InventoryRow[] = [];
const WIDTH = new Map(SYNTHETIC_COLUMNS.map((c) => [c.id, c.defaultWidth]));
const WIDTHS = SYNTHETIC_COLUMNS.map((c) => c.defaultWidth);

export function mountStock(container: HTMLElement): BenchTable {
  let data = NO_ROWS;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const root = createRoot(container);
  root.render(<StockGrid subscribe={subscribe} getData={() => data} />);
  return {
    load(rows) {
      data = [...rows];
      for (const listener of listeners) listener();
    },
    settled: () => Promise.resolve(),
    unmount: () => {
      root.unmount();
    },
  };
}

function sortMark(sorted: false | 'asc' | 'desc'): string {
  return sorted === false ? '' : sorted === 'asc' ? ' ▲' : ' ▼';
}

function StockGrid(props: {
  subscribe: (listener: () => void) => () => void;
  getData: () => InventoryRow[];
}) {
  const data = useSyncExternalStore(props.subscribe, props.getData);
  const table = useTable({
    features,
    columns: columnDefs,
    data,
    getRowId: (row) => row.key,
    globalFilterFn: 'includesString',
    getColumnCanGlobalFilter: () => true,
    enableSortingRemoval: false,
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable per row model: react-virtual recomputes every row's position whenever it changes.
  const getItemKey = useCallback((position: number) => rows[position]?.id ?? position, [rows]);
  // No React Compiler runs on this code; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey,
  });
  const columns = useColumnWindow(scrollRef, WIDTHS);
  const search = typeof table.state.globalFilter === 'string' ? table.state.globalFilter : '';

  return (
    <div className="bench-table">
      <div className="bench-toolbar">
        <input
          data-bench="search"
          placeholder="Search"
          value={search}
          onChange={(e) => {
            table.setGlobalFilter(e.target.value);
          }}
        />
        <span data-bench="count">{rows.length}</span>
      </div>
      <div className="bench-scroll" data-bench="scroll" ref={scrollRef}>
        {table.getHeaderGroups().map((group) => (
          <div key={group.id} className="bench-head" style={{ width: columns.width }}>
            {group.headers.map((header) => (
              <button
                key={header.id}
                type="button"
                data-bench="header"
                data-col={header.column.id}
                style={{ width: WIDTH.get(header.column.id) }}
                onClick={header.column.getToggleSortingHandler()}
              >
                <table.FlexRender header={header} />
                {sortMark(header.column.getIsSorted())}
              </button>
            ))}
          </div>
        ))}
        <div
          className="bench-body"
          style={{ height: virtualizer.getTotalSize(), width: columns.width }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            return row ? (
              <StockRow
                key={row.id}
                row={row}
                start={item.start}
                first={columns.first}
                last={columns.last}
                offset={columns.offset}
              />
            ) : null;
          })}
        </div>
      </div>
    </div>
  );
}

type StockRowModel = ReturnType<
  ReturnType<typeof useTable<typeof features, InventoryRow>>['getRowModel']
>['rows'][number];

/** One row, drawn like ours: memoized, only the columns in view. */
const StockRow = memo(function StockRow(props: {
  row: StockRowModel;
  start: number;
  first: number;
  last: number;
  offset: number;
}) {
  const { row, start, first, last, offset } = props;
  return (
    <div
      className="bench-row"
      data-bench="row"
      style={{ transform: `translateY(${start}px)`, paddingLeft: offset }}
    >
      {row
        .getAllCells()
        .slice(first, last + 1)
        .map((cell) => (
          <div key={cell.id} className="bench-cell" style={{ width: WIDTH.get(cell.column.id) }}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </div>
        ))}
    </div>
  );
});
