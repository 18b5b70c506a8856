import type { AccountActions, AccountState } from './account';
import { createStoreContext } from './store-context';

const account = createStoreContext<AccountState & AccountActions>('account');

export const AccountStoreProvider = account.Provider;
export const useAccountStore = account.useStoreApi;
/** Reads from the account store. Selectors returning new objects must use useShallow. */
export const useAccount = account.useSelected;
