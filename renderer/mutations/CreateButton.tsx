import { useShallow } from 'zustand/react/shallow';
import { useBrowse } from '../store/browse-context';
import { useShell } from '../store/context';
import { useDialogStore } from './dialog-context';
import { useMutationTarget } from './useMutationTarget';

/**
 * The toolbar's Create, for the chosen type in the chosen regions. Hidden for read-only
 * profiles and for types without a create handler, and until the type is described.
 */
export function CreateButton() {
  const target = useMutationTarget('create');
  const profile = useShell((state) => state.profile);
  const { typeName, regions } = useBrowse(
    useShallow((state) => ({ typeName: state.typeName, regions: state.regions })),
  );
  const dialogs = useDialogStore();
  // The table may still show the previous choice while the new one is described.
  if (!target || target.profile !== profile || target.type.typeName !== typeName) return null;
  return (
    <button
      type="button"
      className="button"
      aria-label="Create resource"
      title={`Create a ${typeName} resource`}
      disabled={regions.length === 0}
      onClick={() => {
        dialogs.getState().show({ kind: 'create', ...target, regions: [...regions] });
      }}
    >
      Create
    </button>
  );
}
