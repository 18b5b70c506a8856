import { useEffect, useLayoutEffect, useRef } from 'react';
import type { GridIndex, ViewQuery } from '../../grid/types';
import { ROW_HEIGHT } from './geometry';

interface Shown {
  view: Uint32Array;
  index: GridIndex | null;
  query: ViewQuery;
}

/**
 * Rows stream in while a scan runs, and in sorted order many land above what the user is
 * reading. This keeps the row at the top of the viewport where it was: it remembers that
 * row's key (slots move when rows are removed), and after each new view scrolls to wherever
 * the row went, before the browser paints. A new query or table starts at the top instead.
 */
export function useScrollAnchor(element: HTMLElement | null, shown: Shown): void {
  const last = useRef<Shown | null>(null);
  const top = useRef<{ key: string; offset: number } | null>(null);

  useLayoutEffect(() => {
    if (!element) return;
    const previous = last.current;
    last.current = shown;
    const { view, index, query } = shown;
    if (previous && (previous.query !== query || previous.index !== index)) {
      scrollTo(element, 0);
    } else if (
      previous &&
      previous.view !== view &&
      index &&
      top.current &&
      element.scrollTop > 0
    ) {
      const slot = index.slotOf(top.current.key);
      const position = slot < 0 ? -1 : view.indexOf(slot);
      if (position >= 0) {
        const target = position * ROW_HEIGHT + top.current.offset;
        if (Math.abs(target - element.scrollTop) >= 1) scrollTo(element, target);
      }
    }
    remember(element, shown, top);
  }, [element, shown]);

  useEffect(() => {
    if (!element) return;
    const onScroll = () => {
      if (last.current) remember(element, last.current, top);
    };
    // Capturing: runs before the virtualizer renders in the same event, so reading
    // scrollTop does not force a layout of the rows it just added.
    element.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll, { capture: true });
    };
  }, [element]);
}

/** Instant, whatever the page's scroll-behavior says. */
function scrollTo(element: HTMLElement, top: number): void {
  element.scrollTo({ top, behavior: 'instant' });
}

function remember(
  element: HTMLElement,
  { view, index }: Shown,
  top: { current: { key: string; offset: number } | null },
): void {
  const position = Math.floor(element.scrollTop / ROW_HEIGHT);
  const slot = view[position];
  top.current =
    // A stale view (rows removed since) may name a slot that is gone.
    slot === undefined || !index || slot >= index.size
      ? null
      : { key: index.row(slot).key, offset: element.scrollTop - position * ROW_HEIGHT };
}
