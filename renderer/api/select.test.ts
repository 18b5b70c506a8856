import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildBridge,
  CloudshelfError,
  preloadGlobalName,
  tokenHeader,
  type PreloadBridge,
} from '../../shared/contract';
import { selectApi, type ApiHost } from './select';
import { FakeEventSource, fakeFetch, jsonResponse, memoryStorage } from './test-doubles';
import { tokenStorageKey } from './token';

function browserHost(href: string, storage = memoryStorage()) {
  const fetched = fakeFetch(() => jsonResponse({ ok: true, value: { via: 'http' } }));
  const replaced: string[] = [];
  const host: ApiHost = {
    location: { href, origin: new URL(href).origin },
    history: {
      state: null,
      replaceState: (_s: unknown, _u: string, url?: string | URL | null) => {
        replaced.push(String(url));
      },
    },
    sessionStorage: storage,
    fetch: fetched.fetch,
    EventSource: FakeEventSource as unknown as new (url: string) => EventSource,
  };
  return { host, requests: fetched.requests, replaced, storage };
}

// What the preload exposes: named methods resolving to raw envelopes.
const preloadBridge = (answer: unknown = { ok: true, value: { via: 'preload' } }): PreloadBridge =>
  buildBridge({
    call: () => Promise.resolve(answer),
    subscribe: () => () => undefined,
  });

describe('selectApi', () => {
  it('uses the Electron preload API when it exists, and makes no HTTP request', async () => {
    const { host, requests } = browserHost('http://127.0.0.1:5/?token=t');
    const api = selectApi({ ...host, [preloadGlobalName]: preloadBridge() });
    await expect(api.app.info()).resolves.toEqual({ via: 'preload' });
    expect(requests).toHaveLength(0);
  });

  it('keeps the code and hint of an error that came through the preload', async () => {
    const { host } = browserHost('http://127.0.0.1:5/');
    const bridge = preloadBridge({
      ok: false,
      error: { code: 'Forbidden', message: 'Refused.', hint: 'Use the app window.' },
    });
    const error: unknown = await selectApi({ ...host, [preloadGlobalName]: bridge })
      .app.info()
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(CloudshelfError);
    expect(error).toMatchObject({ code: 'Forbidden', hint: 'Use the app window.' });
  });

  it('otherwise calls this page origin over HTTP with the token from the URL', async () => {
    const { host, requests, replaced, storage } = browserHost('http://127.0.0.1:5/?token=t0k');
    const api = selectApi(host);
    await expect(api.app.info()).resolves.toEqual({ via: 'http' });
    expect(requests[0]?.url).toBe('http://127.0.0.1:5/api/call/app.info');
    expect(new Headers(requests[0]?.init?.headers).get(tokenHeader)).toBe('t0k');
    expect(replaced).toEqual(['/']);
    expect(storage.getItem(tokenStorageKey)).toBe('t0k');
  });

  it('explains how to get a token when the page was opened without one', async () => {
    const { host, requests } = browserHost('http://127.0.0.1:5/');
    const error: unknown = await selectApi(host)
      .app.info()
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(CloudshelfError);
    expect((error as CloudshelfError).code).toBe('Unauthorized');
    expect((error as CloudshelfError).message).toContain('npm run web');
    expect(requests).toHaveLength(0);
  });
});

describe('api (index.ts)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('is chosen once, from window, when the module loads', async () => {
    const { host, requests } = browserHost('http://127.0.0.1:5/');
    vi.stubGlobal('window', { ...host, [preloadGlobalName]: preloadBridge() });
    const { api } = await import('./index');
    await expect(api.app.info()).resolves.toEqual({ via: 'preload' });
    expect(requests).toHaveLength(0);
  });
});
