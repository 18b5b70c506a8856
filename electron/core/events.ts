import type { EventName, EventPayload } from '../../shared/contract';

type AnyListener = (payload: unknown) => void;

/**
 * The main side's event bus. Core modules emit; each host (IPC, browser mode, CLI)
 * subscribes once per event and forwards to its own clients.
 */
export class EventBus {
  readonly #listeners = new Map<EventName, Set<AnyListener>>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners.get(event) ?? []) listener(payload);
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.#listeners.get(event);
    if (!set) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    const erased = listener as AnyListener;
    set.add(erased);
    return () => set.delete(erased);
  }

  listenerCount(event: EventName): number {
    return this.#listeners.get(event)?.size ?? 0;
  }
}
