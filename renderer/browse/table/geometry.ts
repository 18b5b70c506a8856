/** Fixed row height: virtualization needs it, and 28 px is a compact desktop row. */
export const ROW_HEIGHT = 28;
/** The sticky header block: the column headers and the filter row. */
export const HEADER_ROW_HEIGHT = 30;
export const FILTER_ROW_HEIGHT = 30;
export const HEAD_HEIGHT = HEADER_ROW_HEIGHT + FILTER_ROW_HEIGHT;
/** Header rows counted by aria-rowindex before the first body row. */
export const HEAD_ROWS = 2;
export const CHECKBOX_WIDTH = 36;
/** Rows rendered beyond the visible ones, so fast scrolling does not show blank space. */
export const OVERSCAN = 10;

/**
 * The CSS grid template every row shares. Widths live in one custom property on the grid,
 * so resizing a column restyles the rows without rendering them again.
 */
export function gridTemplate(widths: readonly number[]): { template: string; width: number } {
  let width = CHECKBOX_WIDTH;
  for (const w of widths) width += w;
  return { template: [CHECKBOX_WIDTH, ...widths].map((w) => `${w}px`).join(' '), width };
}

/**
 * Scrolls so the row at `position` is fully visible below the sticky header, moving as
 * little as possible (like a native list).
 */
export function scrollRowIntoView(element: HTMLElement, position: number): void {
  const top = position * ROW_HEIGHT;
  const room = element.clientHeight - HEAD_HEIGHT;
  if (top < element.scrollTop) element.scrollTop = top;
  else if (top + ROW_HEIGHT > element.scrollTop + room) element.scrollTop = top + ROW_HEIGHT - room;
}
