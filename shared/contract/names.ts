import type { CallName, EventName } from './calls';

/**
 * The contract's call and event names, with no schemas: what the preload needs to build its
 * named methods without bundling zod (main validates every call, so the preload need not).
 * The type-only import is erased; the checks below make tsc fail if a name is missing here.
 */
export const callNames = [
  'app.info',
  'profiles.list',
  'profiles.details',
  'profiles.identity',
  'profiles.answerMfa',
  'profiles.cancelCredentialProcess',
  'catalog.search',
  'catalog.describe',
  'catalog.refresh',
  'regions.list',
  'inventory.scan',
  'inventory.cancel',
  'settings.get',
  'settings.update',
  'resources.create',
  'resources.update',
  'resources.delete',
  'requests.list',
  'requests.cancel',
  'requests.retry',
  'export.begin',
  'export.rows',
  'export.finish',
  'export.abort',
] as const satisfies readonly CallName[];

export const eventNames = [
  'profiles.changed',
  'profiles.mfaRequested',
  'profiles.credentialProcess',
  'inventory.rows',
  'inventory.status',
  'requests.changed',
  'inventory.finished',
] as const satisfies readonly EventName[];

/** `true` only when every name of `All` is listed in `Listed`; otherwise names what is missing. */
type ListsEvery<All extends string, Listed extends string> = [Exclude<All, Listed>] extends [never]
  ? true
  : ['missing from shared/contract/names.ts:', Exclude<All, Listed>];
type Expect<T extends true> = T;
/** Fails to compile when a call or event is added to the contract but not listed above. */
export type NamesCoverTheContract = [
  Expect<ListsEvery<CallName, (typeof callNames)[number]>>,
  Expect<ListsEvery<EventName, (typeof eventNames)[number]>>,
];

const callNameSet: ReadonlySet<string> = new Set(callNames);
const eventNameSet: ReadonlySet<string> = new Set(eventNames);

export function isCallName(name: string): name is CallName {
  return callNameSet.has(name);
}

export function isEventName(name: string): name is EventName {
  return eventNameSet.has(name);
}
