// Bundled into the preload: import the zod-free contract modules, never the barrel.
import type { Transport } from '../../shared/contract/bridge';
import type { EventName } from '../../shared/contract/calls';
import { callChannel, eventChannel } from '../../shared/contract/channels';
import { CloudshelfError } from '../../shared/contract/cloudshelf-error';
import { isEventName } from '../../shared/contract/names';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The part of Electron's ipcRenderer the transport uses (ipcRenderer satisfies it). */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

type PayloadListener = (payload: unknown) => void;

interface EventFanout {
  readonly ipcListener: IpcListener;
  /** One entry per subscription, so subscribing the same function twice needs two unsubscribes. */
  readonly subscriptions: Set<{ readonly listener: PayloadListener }>;
}

/**
 * The preload's side of the contract. Calls go through ipcRenderer.invoke on their own
 * channel. Events use one ipcRenderer listener per event name, added on the first
 * subscription and removed with the last; the IpcRendererEvent is dropped so the page never
 * holds an object that reaches back into Electron.
 */
export function createPreloadTransport(ipc: RendererIpc): Transport {
  const fanouts = new Map<EventName, EventFanout>();

  const fanoutFor = (event: EventName): EventFanout => {
    const existing = fanouts.get(event);
    if (existing) return existing;
    const subscriptions: EventFanout['subscriptions'] = new Set();
    const ipcListener: IpcListener = (_ipcEvent, payload) => {
      // Copied so a listener that unsubscribes while being called does not skip its neighbour.
      for (const subscription of [...subscriptions]) {
        try {
          subscription.listener(payload);
        } catch (error) {
          console.error(`[cloudshelf] a listener for ${event} failed`, error);
        }
      }
    };
    const created = { ipcListener, subscriptions };
    fanouts.set(event, created);
    ipc.on(eventChannel(event), ipcListener);
    return created;
  };

  return {
    call: (name, args) => ipc.invoke(callChannel(name), args),
    subscribe: (event, listener) => {
      // buildApi checks names too; this keeps the transport safe on its own.
      if (!isEventName(event)) {
        throw new CloudshelfError('UnknownCall', `There is no event named "${String(event)}".`);
      }
      const fanout = fanoutFor(event);
      const subscription = { listener };
      fanout.subscriptions.add(subscription);
      return () => {
        if (!fanout.subscriptions.delete(subscription)) return;
        if (fanout.subscriptions.size === 0 && fanouts.get(event) === fanout) {
          fanouts.delete(event);
          ipc.removeListener(eventChannel(event), fanout.ipcListener);
        }
      };
    },
  };
}
