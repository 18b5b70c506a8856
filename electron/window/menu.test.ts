import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { appMenuTemplate } from './menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('appMenuTemplate', () => {
  it('uses the macOS app menu on darwin and a File > Quit menu elsewhere', () => {
    expect(appMenuTemplate({ platform: 'darwin', isPackaged: true })[0]).toEqual({
      role: 'appMenu',
    });
    expect(appMenuTemplate({ platform: 'linux', isPackaged: true })[0]).toEqual({
      label: 'File',
      submenu: [{ role: 'quit' }],
    });
  });

  it('keeps the Edit roles so copy and paste work', () => {
    expect(roles(appMenuTemplate({ platform: 'win32', isPackaged: true }))).toContain('editMenu');
  });

  it('offers reload and devtools only in development builds', () => {
    const packaged = roles(appMenuTemplate({ platform: 'linux', isPackaged: true }));
    const development = roles(appMenuTemplate({ platform: 'linux', isPackaged: false }));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(development).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });
});
