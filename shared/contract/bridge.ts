// What the Electron preload bundles: no schemas and nothing that imports zod, because the
// preload is parsed on every window load and main validates every call anyway.
import type { CallArgs, CallName, EventName } from './calls';
import { CloudshelfError } from './cloudshelf-error';
import { callNames, isEventName } from './names';

type NamespaceOf<N> = N extends `${infer NS}.${string}` ? NS : never;
/** The first part of a call name: `profiles` in `profiles.list`. */
export type CallNamespace = NamespaceOf<CallName>;

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
export type PreloadBridge = { readonly [NS in CallNamespace]: BridgeMethodsOf<NS> } & {
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
  // Built from the same names the type is derived from, so the cast is exact.
  return { ...namespaces, on } as unknown as PreloadBridge;
}
