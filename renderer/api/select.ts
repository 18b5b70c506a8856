import {
  buildApi,
  preloadGlobalName,
  transportFromBridge,
  type CloudshelfApi,
  type PreloadBridge,
} from '../../shared/contract';
import { createHttpTransport } from './http-transport';
import { takeToken, type TokenPlace } from './token';

/** What the page offers to choose an API from; `window` fits it. */
export type ApiHost = TokenPlace & {
  readonly location: { readonly href: string; readonly origin: string };
  readonly fetch: typeof fetch;
  readonly EventSource: new (url: string) => EventSource;
  readonly [preloadGlobalName]?: PreloadBridge;
};

/**
 * Picks the API once, at start: the Electron preload's when it is there, else browser mode's
 * HTTP transport. Screens only ever see the returned CloudshelfApi.
 */
export function selectApi(host: ApiHost): CloudshelfApi {
  const preloaded = host[preloadGlobalName];
  if (preloaded !== undefined && typeof preloaded === 'object') {
    return buildApi(transportFromBridge(preloaded));
  }
  const { fetch: hostFetch, EventSource: HostEventSource } = host;
  return buildApi(
    createHttpTransport({
      baseUrl: host.location.origin,
      token: takeToken(host),
      // Called detached: fetch throws "Illegal invocation" when called as a method of another object.
      fetch: (input, init) => hostFetch(input, init),
      openEventSource: (url) => new HostEventSource(url),
      warn: (message) => {
        console.warn(message);
      },
    }),
  );
}
