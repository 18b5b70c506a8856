import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The main window's web preferences, every security-relevant one written out even where it
 * matches Electron's default, so a default changing upstream cannot silently weaken us and a
 * reviewer (or Electronegativity) sees the intent in one place.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Cloudshelf',
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 500,
    // Shown on 'ready-to-show' so the user never sees an empty frame.
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}
