import { useState, type ReactNode } from 'react';
import { createStoreContext } from '../store/store-context';
import { createDialogStore, type DialogActions, type DialogState } from './dialog-store';

const dialogs = createStoreContext<DialogState & DialogActions>('mutation dialogs');

export const useDialogStore = dialogs.useStoreApi;
export const useDialogs = dialogs.useSelected;

/** Holds which mutation dialog is open; the dialogs themselves render in MutationDialogs. */
export function MutationDialogsProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createDialogStore);
  return <dialogs.Provider store={store}>{children}</dialogs.Provider>;
}
