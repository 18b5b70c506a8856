import { eventChannel, eventNames } from '../../shared/contract';
import type { EventBus } from '../core/events';

/** The part of a webContents that receives events (Electron's WebContents satisfies it). */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/**
 * Subscribes once per event in the contract and forwards each payload to the current
 * target (the main window's webContents) when there is one that is still alive.
 * `currentTarget` is read per event so a re-created window keeps receiving them.
 * Returns a disposer that unsubscribes from the bus.
 */
export function forwardEvents(bus: EventBus, currentTarget: () => EventTarget | null): () => void {
  const unsubscribers = eventNames.map((name) =>
    bus.on(name, (payload) => {
      const target = currentTarget();
      if (target !== null && !target.isDestroyed()) target.send(eventChannel(name), payload);
    }),
  );
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
