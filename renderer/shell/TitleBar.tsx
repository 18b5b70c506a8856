import { AppIcon } from './AppIcon';

/**
 * The window's title area. In Electron (frameless window) it is the drag region; in a
 * browser tab the drag property does nothing, so the same markup serves both.
 */
export function TitleBar() {
  return (
    <header className="titlebar">
      <div className="titlebar-title">
        <AppIcon />
        <span className="titlebar-name">Cloudshelf</span>
        <span className="titlebar-subtitle">AWS inventory</span>
      </div>
    </header>
  );
}
