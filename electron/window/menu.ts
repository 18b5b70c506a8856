import type { MenuItemConstructorOptions } from 'electron';

/**
 * A minimal application menu: what the platform expects (app menu on macOS, Quit
 * elsewhere), Edit roles so copy/paste work in tables and forms, and reload/devtools only
 * in development builds.
 */
export function appMenuTemplate(options: {
  platform: NodeJS.Platform;
  isPackaged: boolean;
}): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const appMenu: MenuItemConstructorOptions = isMac
    ? { role: 'appMenu' }
    : { label: 'File', submenu: [{ role: 'quit' }] };
  const viewItems: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!options.isPackaged) {
    viewItems.unshift({ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' });
  }
  return [
    appMenu,
    { role: 'editMenu' },
    { label: 'View', submenu: viewItems },
    { role: 'windowMenu' },
  ];
}
