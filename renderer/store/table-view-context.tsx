import { useEffect, type ReactNode } from 'react';
import { useInventoryStore } from './inventory-context';
import { createStoreContext } from './store-context';
import type { TableViewActions, TableViewState, TableViewStore } from './table-view';

const tableView = createStoreContext<TableViewState & TableViewActions>('table view');

export const useTableViewStore = tableView.useStoreApi;
/** Reads from the table-view store. Selectors returning new objects must use useShallow. */
export const useTableView = tableView.useSelected;

/**
 * Provides the table-view store and keeps it following the inventory store (type, profile,
 * columns, rows), so selection and layout stay right even while the table is not mounted.
 * Mount inside the inventory store's provider.
 */
export function TableViewStoreProvider({
  store,
  children,
}: {
  store: TableViewStore;
  children: ReactNode;
}) {
  return (
    <tableView.Provider store={store}>
      <FollowInventory store={store} />
      {children}
    </tableView.Provider>
  );
}

function FollowInventory({ store }: { store: TableViewStore }) {
  const inventory = useInventoryStore();
  useEffect(() => store.getState().follow(inventory), [store, inventory]);
  useEffect(() => {
    // A layout change made just before closing the window is still saved.
    const flush = () => void store.getState().flushLayout();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
    };
  }, [store]);
  return null;
}
