import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AccountActions, AccountState, AccountStore } from './account';

const AccountStoreContext = createContext<AccountStore | null>(null);

export function AccountStoreProvider({
  store,
  children,
}: {
  store: AccountStore;
  children: ReactNode;
}) {
  return <AccountStoreContext value={store}>{children}</AccountStoreContext>;
}

export function useAccountStore(): AccountStore {
  const store = useContext(AccountStoreContext);
  if (!store) throw new Error('useAccountStore needs an <AccountStoreProvider> above it.');
  return store;
}

/** Reads from the account store. Selectors returning new objects must use useShallow. */
export function useAccount<T>(selector: (state: AccountState & AccountActions) => T): T {
  return useStore(useAccountStore(), selector);
}
