import type { CallArgs, CallName, CallResult, EventName, EventPayload } from './calls';
import type { CallNamespace, PreloadBridge, Transport } from './bridge';
import { CloudshelfError, unwrapOutcome } from './errors';
import { callNames, isEventName } from './names';

// The preload's half (bridge, transport, global name) lives in ./bridge, free of zod.
export { buildBridge, preloadGlobalName, type PreloadBridge, type Transport } from './bridge';

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
export type CloudshelfApi = { readonly [NS in CallNamespace]: MethodsOf<NS> } & {
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
};

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
