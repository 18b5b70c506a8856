import { ExportButton } from '../../export/ExportButton';
import { DeleteSelectedButton } from '../../mutations/DeleteSelectedButton';
import { useTableView, useTableViewStore } from '../../store/table-view-context';
import { ColumnChooser } from './ColumnChooser';
import { SEARCH_INPUT_ID } from '../../ui/dom-ids';

const count = new Intl.NumberFormat();

interface TableToolbarProps {
  /** Rows passing the search and filters, and rows loaded. */
  shown: number;
  total: number;
  scanning: boolean;
}

/** Above the grid: the global search, how many rows show, selection, export, columns, shortcuts. */
export function TableToolbar({ shown, total, scanning }: TableToolbarProps) {
  const search = useTableView((state) => state.search);
  const selected = useTableView((state) => state.selection.size);
  const store = useTableViewStore();
  return (
    <div className="itable-toolbar" role="toolbar" aria-label="Table">
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        className="itable-search"
        aria-label="Search"
        aria-keyshortcuts="/"
        placeholder="Search all columns  /"
        spellCheck={false}
        autoComplete="off"
        value={search}
        onChange={(event) => {
          store.getState().setSearch(event.target.value);
        }}
      />
      {/* Not a live region: while a scan streams rows in it would talk constantly. */}
      <span className="itable-count">
        {`${count.format(shown)} of ${count.format(total)} ${total === 1 ? 'resource' : 'resources'}`}
        {scanning ? ' so far' : ''}
      </span>
      {selected > 0 && (
        <span className="itable-selection">
          {count.format(selected)} selected
          <button
            type="button"
            className="button button-quiet itable-small"
            onClick={() => {
              store.getState().clearSelection();
            }}
          >
            Clear selection
          </button>
        </span>
      )}
      <span className="itable-spacer" />
      <DeleteSelectedButton />
      <ExportButton rows={total} />
      <ColumnChooser />
      <button
        type="button"
        className="button button-quiet itable-small"
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
        onClick={() => {
          store.getState().setShortcutsOpen(true);
        }}
      >
        ?
      </button>
    </div>
  );
}
