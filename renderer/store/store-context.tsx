import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';

/**
 * A React context for one zustand store: its provider, a hook for the store itself (for
 * actions in effects) and a selector hook. Selectors returning new objects need useShallow.
 */
export function createStoreContext<S>(name: string) {
  const Context = createContext<StoreApi<S> | null>(null);

  function Provider({ store, children }: { store: StoreApi<S>; children: ReactNode }) {
    return <Context value={store}>{children}</Context>;
  }

  function useStoreApi(): StoreApi<S> {
    const store = useContext(Context);
    if (!store) throw new Error(`The ${name} store is used outside its provider.`);
    return store;
  }

  function useSelected<T>(selector: (state: S) => T): T {
    return useStore(useStoreApi(), selector);
  }

  return { Provider, useStoreApi, useSelected };
}
