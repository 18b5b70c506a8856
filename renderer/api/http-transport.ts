import {
  eventNames,
  events,
  httpCallPath,
  httpEventsPath,
  tokenHeader,
  tokenQueryParam,
  type CallName,
  type CallOutcome,
  type EventName,
  type Transport,
} from '../../shared/contract';

/** The part of EventSource the transport uses, so tests can supply their own. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export interface HttpTransportOptions {
  /** The page's origin, e.g. http://127.0.0.1:5123 */
  baseUrl: string;
  /** This launch's token, or null when the page was opened without one. */
  token: string | null;
  fetch: typeof fetch;
  openEventSource: (url: string) => EventSourceLike;
  /** Reports events that arrive malformed (a programming error, never user input). */
  warn?: (message: string) => void;
}

export const missingTokenOutcome: CallOutcome = {
  ok: false,
  error: {
    code: 'Unauthorized',
    message:
      'This page has no Cloudshelf access token. Open the address printed by `npm run web` (it ends in ?token=…).',
    hint: 'Each launch of `npm run web` prints a new address; addresses from earlier launches stop working.',
  },
};

function unreachable(baseUrl: string): CallOutcome {
  return {
    ok: false,
    error: {
      code: 'Unavailable',
      message: `Cloudshelf cannot reach its local server at ${baseUrl}.`,
      hint: 'Check that `npm run web` is still running, then retry; if you restarted it, open the new address it printed.',
    },
  };
}

function unreadable(status: number): CallOutcome {
  return {
    ok: false,
    error: {
      code: 'Internal',
      message: `Cloudshelf's local server sent an answer it could not read (HTTP ${status}).`,
      hint: 'Retry; if it keeps happening, restart `npm run web` and report what it printed.',
    },
  };
}

/**
 * Browser mode's transport: calls are POSTs carrying the token header; all events share one
 * EventSource, opened on the first subscription and closed when the last one goes.
 * Every failure comes back as a CallOutcome, so `buildApi` turns it into a CloudshelfError.
 */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const { baseUrl, token, openEventSource } = options;
  const fetchFn = options.fetch;
  const warn = options.warn ?? (() => undefined);
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSourceLike | null = null;

  const deliver = (name: EventName, data: string): void => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      warn(`Cloudshelf ignored a ${name} event that was not JSON.`);
      return;
    }
    const checked = events[name].safeParse(parsed);
    if (!checked.success) {
      warn(`Cloudshelf ignored a ${name} event that does not match the contract.`);
      return;
    }
    for (const listener of [...(listeners.get(name) ?? [])]) listener(checked.data);
  };

  const connect = (tokenValue: string): EventSourceLike => {
    const url = new URL(httpEventsPath, baseUrl);
    url.searchParams.set(tokenQueryParam, tokenValue);
    const opened = openEventSource(url.toString());
    for (const name of eventNames) {
      opened.addEventListener(name, (event) => {
        deliver(name, event.data);
      });
    }
    return opened;
  };

  const subscriberCount = (): number =>
    [...listeners.values()].reduce((total, set) => total + set.size, 0);

  return {
    async call(name: CallName, args: unknown): Promise<unknown> {
      if (!token) return missingTokenOutcome;
      let response: Response;
      try {
        response = await fetchFn(new URL(httpCallPath(name), baseUrl), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [tokenHeader]: token },
          body: JSON.stringify(args ?? {}),
          cache: 'no-store',
          credentials: 'omit',
          redirect: 'error',
        });
      } catch {
        return unreachable(baseUrl);
      }
      // Refusals (401, 403, 413) carry the same envelope as answers, so read the body either way.
      try {
        return (await response.json()) as unknown;
      } catch {
        return unreadable(response.status);
      }
    },

    subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
      // Without a token the stream would be refused; calls already explain what to do.
      if (!token) return () => undefined;
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      // Wrap so the same function subscribed twice still unsubscribes one at a time.
      const entry = (payload: unknown): void => {
        listener(payload);
      };
      set.add(entry);
      source ??= connect(token);
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        set.delete(entry);
        if (subscriberCount() === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}
