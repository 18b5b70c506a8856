import { z } from 'zod';
import { AppInfo, ProfileList } from './schemas';

const noArgs = z.strictObject({});

/**
 * The Cloudshelf API: every call (name → argument and result schema) and every event
 * (name → payload schema). Adding a call is one entry here plus its handler; the preload,
 * browser transport, types and validation all derive from this map.
 * Names are `namespace.method`; the API object exposes them as `api.namespace.method(args)`.
 */
export const calls = {
  'app.info': { args: noArgs, result: AppInfo },
  'profiles.list': { args: noArgs, result: ProfileList },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;

export const events = {
  /** The AWS config or credentials files changed on disk. */
  'profiles.changed': ProfileList,
} as const satisfies Record<string, z.ZodType>;

export type CallName = keyof typeof calls;
export type EventName = keyof typeof events;
export type CallArgs<N extends CallName> = z.input<(typeof calls)[N]['args']>;
export type ParsedCallArgs<N extends CallName> = z.output<(typeof calls)[N]['args']>;
export type CallResult<N extends CallName> = z.output<(typeof calls)[N]['result']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(calls, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
