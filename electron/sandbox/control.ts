import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseFaultConfig, type FaultEngine } from './faults';

/**
 * The sandbox's own control routes, for tests and benchmarks driving it from outside:
 *   GET  /__sandbox/faults   the fault configuration
 *   POST /__sandbox/faults   replaces it (JSON body, same shape as FaultConfig)
 *   POST /__sandbox/reset    forgets every account's state (the seed comes back on next use)
 * Unsigned, so they only answer loopback clients addressing this port by a loopback name,
 * and never a browser (any request carrying Origin is refused).
 */
export const controlPrefix = '/__sandbox/';

export interface ControlDeps {
  faults: FaultEngine;
  reset: () => void;
  port: () => number;
}

export function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  body: string,
  deps: ControlDeps,
): void {
  const refusal = refuse(req, deps.port());
  if (refusal) {
    send(res, 403, { message: refusal });
    return;
  }
  const route = pathname.slice(controlPrefix.length);
  if (route === 'faults' && req.method === 'GET') {
    send(res, 200, deps.faults.get());
  } else if (route === 'faults' && req.method === 'POST') {
    let value: unknown;
    try {
      value = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      send(res, 400, { message: 'the body must be JSON' });
      return;
    }
    const parsed = parseFaultConfig(value);
    if (!parsed.ok) {
      send(res, 400, { message: parsed.message });
      return;
    }
    deps.faults.replace(parsed.config);
    send(res, 200, deps.faults.get());
  } else if (route === 'reset' && req.method === 'POST') {
    deps.reset();
    send(res, 200, { reset: true });
  } else if (route === 'faults' || route === 'reset') {
    send(res, 405, { message: `${req.method ?? '?'} is not allowed on ${pathname}` });
  } else {
    send(res, 404, { message: `no control route ${pathname}` });
  }
}

function refuse(req: IncomingMessage, port: number): string | undefined {
  const remote = req.socket.remoteAddress ?? '';
  if (!['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(remote)) return 'loopback clients only';
  if (req.headers.origin !== undefined) return 'control routes do not answer browsers';
  const host = req.headers.host ?? '';
  if (![`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host)) {
    return `Host must be 127.0.0.1:${port}`;
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
