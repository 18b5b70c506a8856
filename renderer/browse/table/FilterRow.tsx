import type { GridColumn } from '../../grid/types';
import { useTableView, useTableViewStore } from '../../store/table-view-context';

/** One text filter per visible column: rows whose cell contains the text (any case) stay. */
export function FilterRow({ columns }: { columns: readonly GridColumn[] }) {
  const filters = useTableView((state) => state.filters);
  const store = useTableViewStore();
  return (
    <div role="row" aria-rowindex={2} className="igrid-row igrid-filter-row">
      <div role="gridcell" aria-colindex={1} className="fcell" />
      {columns.map((column, at) => (
        <div key={column.id} role="gridcell" aria-colindex={at + 2} className="fcell">
          <input
            type="text"
            className="fcell-input"
            aria-label={`Filter ${column.header}`}
            placeholder="Filter"
            spellCheck={false}
            autoComplete="off"
            value={filters[column.id] ?? ''}
            onChange={(event) => {
              store.getState().setFilter(column.id, event.target.value);
            }}
          />
        </div>
      ))}
    </div>
  );
}
