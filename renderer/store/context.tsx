import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ShellActions, ShellState, ShellStore } from './shell';

const ShellStoreContext = createContext<ShellStore | null>(null);

export function ShellStoreProvider({
  store,
  children,
}: {
  store: ShellStore;
  children: ReactNode;
}) {
  return <ShellStoreContext value={store}>{children}</ShellStoreContext>;
}

export function useShellStore(): ShellStore {
  const store = useContext(ShellStoreContext);
  if (!store) throw new Error('useShellStore needs a <ShellStoreProvider> above it.');
  return store;
}

/** Reads from the shell store. Selectors returning new objects must be wrapped in useShallow. */
export function useShell<T>(selector: (state: ShellState & ShellActions) => T): T {
  return useStore(useShellStore(), selector);
}
