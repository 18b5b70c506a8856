import type { InventoryActions, InventoryState } from './inventory-types';
import { createStoreContext } from './store-context';

const inventory = createStoreContext<InventoryState & InventoryActions>('inventory');

export const InventoryStoreProvider = inventory.Provider;
export const useInventoryStore = inventory.useStoreApi;
/** Reads from the inventory store. Selectors returning new objects must use useShallow. */
export const useInventory = inventory.useSelected;
