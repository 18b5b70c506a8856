import type { BrowseActions, BrowseState } from './browse';
import { createStoreContext } from './store-context';

const browse = createStoreContext<BrowseState & BrowseActions>('browse');

export const BrowseStoreProvider = browse.Provider;
export const useBrowseStore = browse.useStoreApi;
/** Reads from the browse store. Selectors returning new objects must use useShallow. */
export const useBrowse = browse.useSelected;
