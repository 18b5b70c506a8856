import { createStore, type StoreApi } from 'zustand/vanilla';
import type { InventoryRow, TypeDetails } from '../../shared/contract';

/**
 * The one mutation dialog open, with what it acts on taken when it opened: the table may
 * re-scan or the drawer close underneath without the dialog losing its subject.
 */
export type MutationDialog =
  | { kind: 'create'; profile: string; type: TypeDetails; regions: string[] }
  | { kind: 'update'; profile: string; type: TypeDetails; row: InventoryRow }
  | { kind: 'delete'; profile: string; type: TypeDetails; rows: InventoryRow[] }
  | { kind: 'profile-settings'; profile: string };

export interface DialogState {
  dialog: MutationDialog | null;
}

export interface DialogActions {
  show: (dialog: MutationDialog) => void;
  close: () => void;
}

export type DialogStore = StoreApi<DialogState & DialogActions>;

export function createDialogStore(): DialogStore {
  return createStore<DialogState & DialogActions>()((set) => ({
    dialog: null,
    show(dialog) {
      set({ dialog });
    },
    close() {
      set({ dialog: null });
    },
  }));
}
