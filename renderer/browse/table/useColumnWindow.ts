import { useMemo, useSyncExternalStore } from 'react';
import { CHECKBOX_WIDTH } from './geometry';

/** Columns drawn beyond each edge of the viewport, so a short horizontal scroll shows no gap. */
const COLUMN_OVERSCAN = 1;

export interface ColumnWindow {
  /** Indexes into the shown columns, inclusive; `last < first` when there are none. */
  first: number;
  last: number;
}

/** Packs a window into one number, so the snapshot compares by value. */
const pack = (first: number, last: number): number => first * 65_536 + (last + 1);

function windowOf(left: number, viewport: number, widths: readonly number[]): number {
  if (viewport <= 0 || widths.length === 0) return pack(0, widths.length - 1);
  const right = left + viewport;
  let x = CHECKBOX_WIDTH;
  let first = -1;
  let last = widths.length - 1;
  for (let i = 0; i < widths.length; i++) {
    const end = x + (widths[i] ?? 0);
    if (first < 0 && end > left) first = i;
    if (x >= right) {
      last = i - 1;
      break;
    }
    x = end;
  }
  first = Math.max(0, (first < 0 ? widths.length - 1 : first) - COLUMN_OVERSCAN);
  last = Math.min(widths.length - 1, last + COLUMN_OVERSCAN);
  return pack(first, last);
}

/**
 * The scroller's horizontal position and width, read only where reading is cheap: in a
 * capturing scroll listener (before any listener renders and dirties the layout) and in a
 * ResizeObserver (after layout). Reading them during render would force a layout per frame.
 */
function viewportTracker(element: HTMLElement | null) {
  const state = { left: 0, width: 0 };
  return {
    state,
    subscribe: (notify: () => void): (() => void) => {
      if (!element) return () => undefined;
      const onScroll = () => {
        const left = element.scrollLeft;
        if (left === state.left) return;
        state.left = left;
        notify();
      };
      const resizes = new ResizeObserver(([entry]) => {
        state.width = entry?.contentRect.width ?? 0;
        notify();
      });
      element.addEventListener('scroll', onScroll, { capture: true, passive: true });
      resizes.observe(element);
      return () => {
        element.removeEventListener('scroll', onScroll, { capture: true });
        resizes.disconnect();
      };
    },
  };
}

/**
 * Which columns are in (or next to) the horizontal viewport. Wide types have dozens of
 * properties; drawing only these keeps each scrolled frame's layout and paint small.
 */
export function useColumnWindow(
  element: HTMLElement | null,
  widths: readonly number[],
): ColumnWindow {
  const tracker = useMemo(() => viewportTracker(element), [element]);
  const packed = useSyncExternalStore(tracker.subscribe, () =>
    windowOf(tracker.state.left, tracker.state.width, widths),
  );
  return { first: Math.floor(packed / 65_536), last: (packed % 65_536) - 1 };
}
