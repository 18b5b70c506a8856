import { useTableView, useTableViewStore } from '../../store/table-view-context';
import { focusGrid } from '../../ui/dom-ids';

/** Rows exist but none pass the search and filters: say which, and offer the way back. */
export function NoMatches() {
  const search = useTableView((state) => state.search.trim());
  const filtering = useTableView((state) =>
    Object.values(state.filters).some((value) => value.trim() !== ''),
  );
  const store = useTableViewStore();
  const what =
    search !== ''
      ? `“${search}”${filtering ? ' and the column filters' : ''}`
      : 'the column filters';
  return (
    <div className="igrid-message" role="status">
      <p className="igrid-message-title">No resources match {what}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          store.getState().clearSearchAndFilters();
          focusGrid();
        }}
      >
        Clear search and filters
      </button>
    </div>
  );
}
