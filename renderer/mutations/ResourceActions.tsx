import type { InventoryRow } from '../../shared/contract';
import { useDialogStore } from './dialog-context';
import { useMutationTarget } from './useMutationTarget';

/** The details drawer's Edit and Delete for its resource, where the profile and type allow. */
export function ResourceActions({ row }: { row: InventoryRow }) {
  const update = useMutationTarget('update');
  const remove = useMutationTarget('delete');
  const dialogs = useDialogStore();
  return (
    <>
      {update && (
        <button
          type="button"
          className="button"
          onClick={() => {
            dialogs.getState().show({ kind: 'update', ...update, row });
          }}
        >
          Edit
        </button>
      )}
      {remove && (
        <button
          type="button"
          className="button button-danger-quiet"
          onClick={() => {
            dialogs.getState().show({ kind: 'delete', ...remove, rows: [row] });
          }}
        >
          Delete
        </button>
      )}
    </>
  );
}
