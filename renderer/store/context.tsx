import type { ShellActions, ShellState } from './shell';
import { createStoreContext } from './store-context';

const shell = createStoreContext<ShellState & ShellActions>('shell');

export const ShellStoreProvider = shell.Provider;
export const useShellStore = shell.useStoreApi;
/** Reads from the shell store. Selectors returning new objects must be wrapped in useShallow. */
export const useShell = shell.useSelected;
