import { useCallback, useDeferredValue, useMemo, useState, type CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { GridIndex } from '../../grid/types';
import { useInventory } from '../../store/inventory-context';
import { columnWidth, viewQuery, visibleColumns } from '../../store/table-view';
import { useTableView, useTableViewStore } from '../../store/table-view-context';
import { GRID_ID, rowDomId } from '../../ui/dom-ids';
import { HEAD_ROWS, gridTemplate } from './geometry';
import { gridKeyHandler } from './grid-keys';
import { FilterRow } from './FilterRow';
import { HeaderRow, type SelectAllState } from './HeaderRow';
import { NoMatches } from './NoMatches';
import { GridBody } from './GridBody';
import { TableToolbar } from './TableToolbar';
import { useColumnModel } from './useColumnModel';
import { useScrollAnchor } from './useScrollAnchor';
import './table.css';

const NO_SLOTS = new Uint32Array(0);

/** How the header checkbox looks: exact only when it matters (selection as big as the view). */
function selectAllState(
  view: Uint32Array,
  index: GridIndex | null,
  selection: ReadonlySet<string>,
): SelectAllState {
  if (selection.size === 0 || view.length === 0 || !index) return 'none';
  if (selection.size < view.length) return 'some';
  for (const slot of view) if (!selection.has(index.row(slot).key)) return 'some';
  return 'all';
}

/**
 * The inventory as an ARIA grid: sticky headers with sort, resize and reorder, a filter row,
 * and virtualized 28 px rows (only the visible ones are in the DOM). Sorting and filtering
 * happen in the GridIndex; this component asks it for the view and draws a window of it.
 */
export function InventoryTable() {
  const store = useTableViewStore();
  const index = useInventory((state) => state.index);
  const rowsVersion = useInventory((state) => state.rowsVersion);
  const allColumns = useInventory((state) => state.columns);
  const multiRegion = useInventory((state) => state.multiRegion);
  const multiAccount = useInventory((state) => state.multiAccount);
  const scanning = useInventory(
    (state) => state.phase === 'scanning' || state.phase === 'describing',
  );

  const layout = useTableView((state) => state.layout);
  // Only a change of which columns show re-renders rows; widths travel by CSS variable.
  const visibleIds = useTableView(useShallow((state) => state.layout.visible));
  const sort = useTableView((state) => state.sort);
  const search = useTableView((state) => state.search);
  const filters = useTableView((state) => state.filters);
  const selection = useTableView((state) => state.selection);
  const activeKey = useTableView((state) => state.activeKey);

  const shown = useMemo(
    () =>
      visibleColumns(
        allColumns,
        { visible: visibleIds, widths: {} },
        { multiRegion, multiAccount },
      ),
    [allColumns, visibleIds, multiRegion, multiAccount],
  );
  const columnsById = useMemo(() => new Map(allColumns.map((c) => [c.id, c])), [allColumns]);
  const query = useMemo(
    () => viewQuery({ sort, search, filters }, shown),
    [sort, search, filters, shown],
  );
  // Typing stays responsive: React paints the keystroke first, then the new view.
  const deferredQuery = useDeferredValue(query);
  // The index changes in place; rowsVersion is what says its rows did.
  const view = useMemo(
    () => (index && rowsVersion >= 0 ? index.view(deferredQuery) : NO_SLOTS),
    [index, rowsVersion, deferredQuery],
  );
  const total = index?.size ?? 0;

  const model = useColumnModel({ all: allColumns, shown, layout, sort, filters, search, store });
  const widths = useMemo(() => shown.map((column) => columnWidth(column, layout)), [shown, layout]);
  const { template, width } = gridTemplate(widths);

  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const anchored = useMemo(
    () => ({ view, index, query: deferredQuery }),
    [view, index, deferredQuery],
  );
  useScrollAnchor(element, anchored);

  const activeSlot = activeKey === null || !index ? -1 : index.slotOf(activeKey);
  const activePosition = useMemo(
    () => (activeSlot < 0 ? -1 : view.indexOf(activeSlot)),
    [view, activeSlot],
  );
  const selectAll = useMemo(() => selectAllState(view, index, selection), [view, index, selection]);
  const onSelectAll = useCallback(() => {
    if (!index) return;
    if (selectAll === 'all') store.getState().clearSelection();
    else store.getState().selectAllFiltered(view, index);
  }, [store, index, view, selectAll]);

  const style = { '--grid-cols': template, '--grid-width': `${width}px` } as CSSProperties;

  return (
    <section className="itable" aria-label="Resources">
      <TableToolbar shown={view.length} total={total} scanning={scanning} />
      <div
        ref={setElement}
        id={GRID_ID}
        role="grid"
        aria-label="Inventory"
        aria-rowcount={view.length + HEAD_ROWS}
        aria-colcount={shown.length + 1}
        aria-multiselectable="true"
        aria-activedescendant={activePosition >= 0 ? rowDomId(activeSlot) : undefined}
        tabIndex={0}
        className="igrid"
        style={style}
        onKeyDown={gridKeyHandler({ view, index, store, element, activePosition })}
      >
        <div role="rowgroup" className="igrid-head">
          <HeaderRow
            model={model}
            columnsById={columnsById}
            selectAll={selectAll}
            onSelectAll={onSelectAll}
            canSelect={view.length > 0}
          />
          <FilterRow columns={shown} />
        </div>
        {index && (
          <GridBody
            element={element}
            index={index}
            view={view}
            rowsVersion={rowsVersion}
            columns={shown}
            widths={widths}
            selection={selection}
            activeSlot={activeSlot}
            activePosition={activePosition}
          />
        )}
      </div>
      {/* Outside the grid, whose children may only be rows; drawn over its empty body. */}
      {view.length === 0 &&
        (total > 0 ? (
          <NoMatches />
        ) : (
          <div className="igrid-message muted" role="status">
            {scanning ? 'Waiting for the first resources…' : 'No resources in this scope.'}
          </div>
        ))}
    </section>
  );
}
