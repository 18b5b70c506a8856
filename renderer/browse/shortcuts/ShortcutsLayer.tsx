import { ShortcutsDialog } from './ShortcutsDialog';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import './shortcuts.css';

/** Mount once on the Browse screen: the global keys and the `?` dialog. */
export function ShortcutsLayer() {
  useGlobalShortcuts();
  return <ShortcutsDialog />;
}
