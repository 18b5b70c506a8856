import type { KeyboardEvent } from 'react';
import type { GridIndex } from '../../grid/types';
import type { TableViewStore } from '../../store/table-view';
import { HEAD_HEIGHT, ROW_HEIGHT, scrollRowIntoView } from './geometry';

interface GridKeyboard {
  view: Uint32Array;
  index: GridIndex | null;
  store: TableViewStore;
  element: HTMLElement | null;
  /** The active row's position in the view, or -1. */
  activePosition: number;
}

/**
 * The grid's keys: ↑/↓, Home/End and PageUp/PageDown move the active row (Shift extends the
 * selection), Space toggles it, Enter opens the drawer, Ctrl/⌘+A selects every filtered row.
 * Keys typed into the header's inputs and buttons are theirs, not the grid's.
 */
export function gridKeyHandler({ view, index, store, element, activePosition }: GridKeyboard) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget || !index || view.length === 0) return;
    const keyAt = (position: number): string | null => {
      const slot = view[position];
      return slot === undefined ? null : index.row(slot).key;
    };
    const last = view.length - 1;
    const page = Math.max(
      1,
      Math.floor(((element?.clientHeight ?? 0) - HEAD_HEIGHT) / ROW_HEIGHT) - 1,
    );
    const from = activePosition;
    const mod = event.ctrlKey || event.metaKey;

    let to: number;
    switch (event.key) {
      case 'ArrowDown':
        to = from < 0 ? 0 : Math.min(last, from + 1);
        break;
      case 'ArrowUp':
        to = from < 0 ? 0 : Math.max(0, from - 1);
        break;
      case 'Home':
        to = 0;
        break;
      case 'End':
        to = last;
        break;
      case 'PageDown':
        to = from < 0 ? 0 : Math.min(last, from + page);
        break;
      case 'PageUp':
        to = from < 0 ? 0 : Math.max(0, from - page);
        break;
      case ' ': {
        event.preventDefault();
        const key = keyAt(from < 0 ? 0 : from);
        if (key === null) return;
        if (from < 0) store.getState().setActive(key);
        store.getState().toggleSelected(key);
        return;
      }
      case 'Enter': {
        event.preventDefault();
        const key = keyAt(from < 0 ? 0 : from);
        if (key !== null) store.getState().setActive(key, { open: true });
        if (from < 0 && element) scrollRowIntoView(element, 0);
        return;
      }
      case 'a':
      case 'A':
        if (!mod || event.shiftKey || event.altKey) return;
        event.preventDefault();
        store.getState().selectAllFiltered(view, index);
        return;
      default:
        return;
    }

    event.preventDefault();
    const key = keyAt(to);
    if (key === null) return;
    const state = store.getState();
    if (event.shiftKey) {
      // Shift extends from the anchor (the last row clicked, toggled or moved to).
      if (state.anchorKey === null) {
        const current = keyAt(from < 0 ? to : from);
        if (current !== null) state.setActive(current);
      }
      store.getState().selectRange(key, view, index);
      store.getState().setActive(key, { anchor: false });
    } else {
      state.setActive(key);
    }
    if (element) scrollRowIntoView(element, to);
  };
}
