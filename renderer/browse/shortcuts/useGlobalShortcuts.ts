import { useEffect } from 'react';
import { useTableViewStore } from '../../store/table-view-context';
import { SEARCH_INPUT_ID, focusGrid } from '../../ui/dom-ids';

/** Where typed characters are text, not commands. */
function isTyping(target: EventTarget | null): target is HTMLElement {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(target.type)
  );
}

/**
 * The Browse screen's keys that work from anywhere: `/` focuses Search, `?` lists the
 * shortcuts, Esc closes the details drawer. Keys meant for a field or an open dialog are
 * left to them; the grid's own keys (arrows, Space, Enter) live on the grid.
 */
export function useGlobalShortcuts(): void {
  const store = useTableViewStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target;
      const typing = isTyping(target);
      const inDialog =
        target instanceof Element && target.closest('dialog, [role="dialog"]') !== null;
      const state = store.getState();

      if (event.key === 'Escape') {
        if (inDialog || state.shortcutsOpen || !state.drawerOpen) return;
        // Esc in a field with text clears or leaves the field; a second Esc closes the drawer.
        if (typing && target instanceof HTMLInputElement && target.value !== '') return;
        event.preventDefault();
        const focusInDrawer = document.activeElement?.closest('.drawer') != null;
        state.closeDrawer();
        if (focusInDrawer || document.activeElement === document.body) focusGrid();
        return;
      }
      if (typing || inDialog || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '/') {
        const search = document.getElementById(SEARCH_INPUT_ID);
        if (!(search instanceof HTMLInputElement)) return;
        event.preventDefault();
        search.focus();
        search.select();
      } else if (event.key === '?') {
        event.preventDefault();
        state.setShortcutsOpen(true);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [store]);
}
