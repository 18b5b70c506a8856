import type { CallName, EventName } from './calls';

/** IPC channel names: one per call and one per event, so main can register each by name. */
export const callChannel = (name: CallName): string => `cloudshelf:call:${name}`;
export const eventChannel = (name: EventName): string => `cloudshelf:event:${name}`;

/** Browser-mode HTTP routes. */
export const httpCallPath = (name: CallName): string => `/api/call/${name}`;
export const httpEventsPath = '/api/events';
export const tokenHeader = 'x-cloudshelf-token';
export const tokenQueryParam = 'token';
