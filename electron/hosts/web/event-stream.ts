import type { IncomingMessage, ServerResponse } from 'node:http';
import { eventNames } from '../../../shared/contract';
import type { EventBus } from '../../core/events';

export interface EventStreamOptions {
  /** How often an idle stream gets a `:` comment, so proxies and sleeping laptops notice it. */
  heartbeatMs?: number;
  /** How long the browser waits before reconnecting after the stream drops. */
  retryMs?: number;
}

export interface EventStream {
  /** Takes over an authorized GET request and streams every bus event to it until it closes. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** How many browser tabs are listening now. */
  clientCount(): number;
  /** Ends every open stream; used when the server shuts down. */
  closeAll(): void;
}

/** Formats one server-sent event. JSON.stringify never emits a raw newline, so one data line. */
export function formatEvent(name: string, payload: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/**
 * Server-sent events for browser mode: one stream per tab, carrying every event in the
 * contract by name. Subscriptions live exactly as long as the connection.
 */
export function createEventStream(bus: EventBus, options: EventStreamOptions = {}): EventStream {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const retryMs = options.retryMs ?? 2_000;
  const clients = new Set<ServerResponse>();

  return {
    handle(req, res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      // The first bytes flush the headers, so the browser reports the stream open at once.
      res.write(`retry: ${retryMs}\n: connected\n\n`);
      clients.add(res);

      const unsubscribers = eventNames.map((name) =>
        bus.on(name, (payload) => {
          res.write(formatEvent(name, payload));
        }),
      );
      const heartbeat = setInterval(() => res.write(':\n\n'), heartbeatMs);
      heartbeat.unref();

      let cleaned = false;
      const cleanup = (): void => {
        if (cleaned) return;
        cleaned = true;
        clearInterval(heartbeat);
        for (const unsubscribe of unsubscribers) unsubscribe();
        clients.delete(res);
      };
      req.on('close', cleanup);
      res.on('close', cleanup);
      res.on('error', cleanup);
    },
    clientCount: () => clients.size,
    closeAll() {
      for (const res of [...clients]) res.end();
    },
  };
}
