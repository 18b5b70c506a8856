/** Element ids other parts of the Browse screen reach for (shortcuts, focus return). */
export const GRID_ID = 'inventory-grid';
export const SEARCH_INPUT_ID = 'inventory-search';

/** A body row's id, for aria-activedescendant. Slots are unique within the one table. */
export const rowDomId = (slot: number): string => `inventory-row-${slot}`;

/** Puts keyboard focus back on the table, e.g. after the drawer closes. */
export function focusGrid(): void {
  document.getElementById(GRID_ID)?.focus({ preventScroll: true });
}
