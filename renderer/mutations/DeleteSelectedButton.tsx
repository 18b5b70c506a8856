import type { InventoryRow } from '../../shared/contract';
import { useInventoryStore } from '../store/inventory-context';
import { useTableView } from '../store/table-view-context';
import { useDialogStore } from './dialog-context';
import { useMutationTarget } from './useMutationTarget';

/** The table toolbar's Delete: enabled while rows are selected, hidden when it cannot apply. */
export function DeleteSelectedButton() {
  const target = useMutationTarget('delete');
  const selection = useTableView((state) => state.selection);
  const inventory = useInventoryStore();
  const dialogs = useDialogStore();
  if (!target) return null;

  const open = () => {
    const { index } = inventory.getState();
    if (!index) return;
    const rows: InventoryRow[] = [];
    for (const key of selection) {
      const slot = index.slotOf(key);
      if (slot >= 0) rows.push(index.row(slot));
    }
    if (rows.length > 0) dialogs.getState().show({ kind: 'delete', ...target, rows });
  };

  return (
    <button
      type="button"
      className="button itable-small"
      disabled={selection.size === 0}
      title={selection.size === 0 ? 'Select resources to delete them' : undefined}
      onClick={open}
    >
      Delete selected
    </button>
  );
}
