import { useEffect, type ReactNode } from 'react';
import { followRequests } from './follow-requests';
import { useInventoryStore } from './inventory-context';
import type { RequestsActions, RequestsState, RequestsStore } from './requests';
import { createStoreContext } from './store-context';

const requests = createStoreContext<RequestsState & RequestsActions>('requests');

export const useRequestsStore = requests.useStoreApi;
/** Reads from the requests store. Selectors returning new objects must use useShallow. */
export const useRequests = requests.useSelected;

/**
 * Provides the requests store, starts it (journal and events), and keeps the inventory's
 * table following requests that succeed. Mount inside the inventory store's provider.
 */
export function RequestsStoreProvider({
  store,
  children,
}: {
  store: RequestsStore;
  children: ReactNode;
}) {
  return (
    <requests.Provider store={store}>
      <FollowInventory store={store} />
      {children}
    </requests.Provider>
  );
}

function FollowInventory({ store }: { store: RequestsStore }) {
  const inventory = useInventoryStore();
  useEffect(() => store.getState().start(), [store]);
  useEffect(() => followRequests(store, inventory), [store, inventory]);
  return null;
}
