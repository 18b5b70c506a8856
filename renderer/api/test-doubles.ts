// Stand-ins for the browser's fetch and EventSource, for the transport tests in Node.
import type { EventSourceLike } from './http-transport';

export class FakeEventSource implements EventSourceLike {
  readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  closed = false;

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  /** Delivers a server-sent event as the browser would. */
  emit(type: string, data: string): void {
    if (this.closed) return;
    for (const listener of this.listeners.get(type) ?? []) {
      listener({ data } as MessageEvent<string>);
    }
  }
}

export interface RecordedFetch {
  url: string;
  init: RequestInit | undefined;
}

/** A fetch that records its requests and answers each with `respond`. */
export function fakeFetch(respond: (request: RecordedFetch) => Response | Promise<Response>): {
  fetch: typeof fetch;
  requests: RecordedFetch[];
} {
  const requests: RecordedFetch[] = [];
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = { url: input instanceof Request ? input.url : input.toString(), init };
    requests.push(request);
    return Promise.resolve(respond(request));
  };
  return { fetch: fetchFn, requests };
}

export const jsonResponse = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

/** An in-memory sessionStorage. */
export function memoryStorage(initial: Record<string, string> = {}): Storage {
  const map = new Map(Object.entries(initial));
  return {
    get length() {
      return map.size;
    },
    clear: () => {
      map.clear();
    },
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => map.delete(key),
    setItem: (key, value) => map.set(key, value),
  };
}
