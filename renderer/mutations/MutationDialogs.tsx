import { lazy, Suspense } from 'react';
import { useDialogStore, useDialogs } from './dialog-context';
import { DeleteDialog } from './DeleteDialog';
import { ProfileSettingsDialog } from './ProfileSettingsDialog';

// The form dialogs bring the schema tooling with them; they load on first use.
const CreateDialog = lazy(() =>
  import('./CreateDialog').then((m) => ({ default: m.CreateDialog })),
);
const UpdateDialog = lazy(() =>
  import('./UpdateDialog').then((m) => ({ default: m.UpdateDialog })),
);

/** Renders the one mutation dialog that is open, wherever it was opened from. */
export function MutationDialogs() {
  const dialog = useDialogs((state) => state.dialog);
  const store = useDialogStore();
  const close = () => {
    store.getState().close();
  };
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'create':
      return (
        <Suspense fallback={null}>
          <CreateDialog
            profile={dialog.profile}
            type={dialog.type}
            regions={dialog.regions}
            onClose={close}
          />
        </Suspense>
      );
    case 'update':
      return (
        <Suspense fallback={null}>
          <UpdateDialog
            profile={dialog.profile}
            type={dialog.type}
            row={dialog.row}
            onClose={close}
          />
        </Suspense>
      );
    case 'delete':
      return (
        <DeleteDialog
          profile={dialog.profile}
          type={dialog.type}
          rows={dialog.rows}
          onClose={close}
        />
      );
    case 'profile-settings':
      return <ProfileSettingsDialog profile={dialog.profile} onClose={close} />;
  }
}
