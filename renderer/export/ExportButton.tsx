import { useState } from 'react';
import { createPortal } from 'react-dom';
import { api } from '../api';
import { useInventoryStore } from '../store/inventory-context';
import { viewQuery, visibleColumns } from '../store/table-view';
import { useTableViewStore } from '../store/table-view-context';
import { ExportDialog } from './ExportDialog';
import { exportSource, type ExportSource } from './export-plan';

/** The table toolbar's Export…: takes the table as it is now and opens the Export dialog. */
export function ExportButton({ rows }: { rows: number }) {
  const inventory = useInventoryStore();
  const tableView = useTableViewStore();
  const [source, setSource] = useState<ExportSource | null>(null);

  const open = () => {
    const { index, scope, columns, multiRegion, multiAccount, regions } = inventory.getState();
    if (!index || !scope) return;
    const view = tableView.getState();
    // The same columns and query the table draws (see InventoryTable).
    const shown = visibleColumns(columns, view.layout, { multiRegion, multiAccount });
    setSource(
      exportSource({
        index,
        typeName: scope.typeName,
        shown,
        query: viewQuery(view, shown),
        regions,
      }),
    );
  };

  return (
    <>
      <button
        type="button"
        className="button itable-small"
        disabled={rows === 0}
        title={
          rows === 0
            ? 'Nothing to export yet'
            : 'Export the rows you see, or every row, to CSV, JSON or JSON Lines'
        }
        onClick={open}
      >
        Export…
      </button>
      {/* In the body, not inside the toolbar: a dialog is no toolbar item. */}
      {source &&
        createPortal(
          <ExportDialog
            api={api}
            source={source}
            onClose={() => {
              setSource(null);
            }}
          />,
          document.body,
        )}
    </>
  );
}
