import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, type RefObject } from 'react';

/** Which columns are in (or next to) the horizontal viewport; both bench grids draw only these. */
export interface ColumnWindow {
  first: number;
  /** Inclusive; below `first` when there are no columns. */
  last: number;
  /** Left edge of column `first`, in px. */
  offset: number;
  /** All columns' width, in px. */
  width: number;
}

/**
 * Horizontal virtualization: 13 columns of ~2,700 px drawn in full are twice the layout and
 * paint per scrolled frame of the ~7 a 1,280 px viewport shows.
 */
export function useColumnWindow(
  scrollRef: RefObject<HTMLElement | null>,
  widths: readonly number[],
): ColumnWindow {
  const estimateSize = useCallback((i: number) => widths[i] ?? 0, [widths]);
  // No React Compiler runs on this code; the virtualizer re-renders its component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    horizontal: true,
    count: widths.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: 1,
  });
  const items = virtualizer.getVirtualItems();
  return {
    first: items[0]?.index ?? 0,
    last: items.at(-1)?.index ?? -1,
    offset: items[0]?.start ?? 0,
    width: virtualizer.getTotalSize(),
  };
}
