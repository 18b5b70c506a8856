import {
  callNames,
  isEventName,
  type CallArgs,
  type CallName,
  type CallResult,
  type EventName,
  type EventPayload,
} from './calls';
import { CloudshelfError, unwrapOutcome } from './errors';

type NamespaceOf<N> = N extends `${infer NS}.${string}` ? NS : never;
type Namespaces = NamespaceOf<CallName>;

/** Calls whose arguments are all optional may be made without an argument object. */
type ArgsTuple<N extends CallName> =
  Record<string, never> extends CallArgs<N> ? [args?: CallArgs<N>] : [args: CallArgs<N>];

type MethodsOf<NS extends string> = {
  readonly [N in CallName as N extends `${NS}.${infer M}` ? M : never]: (
    ...args: ArgsTuple<N>
  ) => Promise<CallResult<N>>;
};

export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

/**
 * The one API every screen uses, whichever host serves it: `api.app.info()`,
 * `api.profiles.list()`, `api.on('profiles.changed', listener)`.
 */
export type CloudshelfApi = { readonly [NS in Namespaces]: MethodsOf<NS> } & {
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
};

/** How a host moves calls and events; answers are raw CallOutcome envelopes. */
export interface Transport {
  call(name: CallName, args: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** The global the Electron preload defines; browser mode leaves it undefined. */
export const preloadGlobalName = 'cloudshelf';

type BridgeMethodsOf<NS extends string> = {
  readonly [N in CallName as N extends `${NS}.${infer M}` ? M : never]: (
    args: CallArgs<N>,
  ) => Promise<unknown>;
};

/**
 * What the preload exposes as `window.cloudshelf`: the contract's calls as named methods that
 * resolve to raw CallOutcome envelopes, plus `on`. Envelopes rather than thrown errors,
 * because an Error crossing contextBridge keeps only its message (code and hint are lost).
 * The renderer wraps it with `buildApi(transportFromBridge(bridge))`.
 */
export type PreloadBridge = { readonly [NS in Namespaces]: BridgeMethodsOf<NS> } & {
  on(event: EventName, listener: (payload: unknown) => void): () => void;
};

/** Builds the preload's named-method bridge over a transport. */
export function buildBridge(transport: Transport): PreloadBridge {
  const namespaces: Record<string, Record<string, (args: unknown) => Promise<unknown>>> = {};
  for (const name of callNames) {
    const [ns, method] = name.split('.') as [string, string];
    namespaces[ns] ??= {};
    namespaces[ns][method] = (args: unknown) => transport.call(name, args ?? {});
  }
  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!isEventName(event)) {
      throw new CloudshelfError('UnknownCall', `There is no event named "${String(event)}".`);
    }
    return transport.subscribe(event, listener);
  };
  // Built from the same map the type is derived from, so the cast is exact.
  return { ...namespaces, on } as unknown as PreloadBridge;
}

/** The renderer's transport over the preload bridge. */
export function transportFromBridge(bridge: PreloadBridge): Transport {
  const methods = bridge as unknown as Record<
    string,
    Record<string, (args: unknown) => Promise<unknown>>
  >;
  return {
    call: (name, args) => {
      const [ns, method] = name.split('.') as [string, string];
      const fn = methods[ns]?.[method];
      if (fn === undefined) {
        return Promise.resolve({
          ok: false,
          error: {
            code: 'UnknownCall',
            message: `This Cloudshelf window does not offer ${name}; restart Cloudshelf.`,
          },
        });
      }
      return fn(args);
    },
    subscribe: (event, listener) => bridge.on(event, listener),
  };
}

/** Builds the named-method API object from the contract's call list and a transport. */
export function buildApi(transport: Transport): CloudshelfApi {
  const namespaces: Record<string, Record<string, (args?: unknown) => Promise<unknown>>> = {};
  for (const name of callNames) {
    const [ns, method] = name.split('.') as [string, string];
    namespaces[ns] ??= {};
    namespaces[ns][method] = async (args?: unknown) =>
      unwrapOutcome(await transport.call(name, args ?? {}));
  }
  const on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (!isEventName(event)) {
      throw new CloudshelfError('UnknownCall', `There is no event named "${event}".`);
    }
    return transport.subscribe(event, listener);
  };
  // The object is built from the same map the type is derived from, so the cast is exact.
  return { ...namespaces, on } as unknown as CloudshelfApi;
}
