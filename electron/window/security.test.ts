import { describe, expect, it } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from './security';

describe('secureWebPreferences', () => {
  const preferences = secureWebPreferences('/app/dist/electron/preload.cjs');

  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(preferences.contextIsolation).toBe(true);
    expect(preferences.sandbox).toBe(true);
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.nodeIntegrationInWorker).toBe(false);
    expect(preferences.nodeIntegrationInSubFrames).toBe(false);
    expect(preferences.webSecurity).toBe(true);
  });

  it('turns off the other risky features explicitly', () => {
    expect(preferences.allowRunningInsecureContent).toBe(false);
    expect(preferences.webviewTag).toBe(false);
    expect(preferences.experimentalFeatures).toBe(false);
    expect(preferences.navigateOnDragDrop).toBe(false);
    expect(preferences.spellcheck).toBe(false);
  });

  it('uses the given preload and sets nothing unreviewed', () => {
    expect(preferences.preload).toBe('/app/dist/electron/preload.cjs');
    // A new key (enableBlinkFeatures, additionalArguments, …) must be reviewed and added here.
    expect(Object.keys(preferences).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });
});

describe('mainWindowOptions', () => {
  it('carries the secure preferences and starts hidden until ready-to-show', () => {
    const options = mainWindowOptions('/p/preload.cjs');
    expect(options.webPreferences).toEqual(secureWebPreferences('/p/preload.cjs'));
    expect(options.show).toBe(false);
    expect(options.title).toBe('Cloudshelf');
  });
});
