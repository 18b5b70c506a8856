import { beforeAll, describe, expect, it, vi } from 'vitest';
import { callChannel, callNames, eventChannel, preloadGlobalName } from '../shared/contract';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  ipcRenderer: {
    invoke: vi.fn(() =>
      Promise.resolve({ ok: true, value: { profiles: [], selected: 'Sandbox', problems: [] } }),
    ),
    on: vi.fn(),
    removeListener: vi.fn(),
    send: vi.fn(),
    sendSync: vi.fn(),
  },
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      electron.exposed.set(key, api);
    },
  },
  ipcRenderer: electron.ipcRenderer,
}));

type ExposedApi = Record<string, unknown> & {
  profiles: { list: () => Promise<unknown> };
  on: (event: string, listener: (payload: unknown) => void) => () => void;
};

describe('preload', () => {
  let api: ExposedApi;

  beforeAll(async () => {
    await import('./preload');
    api = electron.exposed.get(preloadGlobalName) as ExposedApi;
  });

  it(`exposes exactly one global, window.${preloadGlobalName}`, () => {
    expect([...electron.exposed.keys()]).toEqual([preloadGlobalName]);
  });

  it('exposes named methods for every call and `on`, never a generic invoke or ipcRenderer', () => {
    const namespaces = [...new Set(callNames.map((name) => name.split('.')[0]))];
    expect(Object.keys(api).sort()).toEqual([...namespaces, 'on'].sort());
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/invoke|send|ipc/i);
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  it('routes a method to its own channel and resolves to the raw envelope', async () => {
    // Envelopes, not thrown errors: an Error crossing contextBridge loses its code and hint.
    await expect(api.profiles.list()).resolves.toMatchObject({ ok: true });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(callChannel('profiles.list'), {});
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.sendSync).not.toHaveBeenCalled();
  });

  it('subscribes lazily on the event channel', () => {
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
    const unsubscribe = api.on('profiles.changed', vi.fn());
    expect(electron.ipcRenderer.on).toHaveBeenCalledWith(
      eventChannel('profiles.changed'),
      expect.any(Function),
    );
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledOnce();
  });
});
