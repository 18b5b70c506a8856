import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { httpEventsPath, tokenHeader, tokenQueryParam } from '../../../shared/contract';
import type { EventBus } from '../../core/events';
import { dispatch, type HandlerTable, type Logger } from '../dispatch';
import { downloadPathPrefix, type Downloads } from '../export/downloads';
import { createEventStream } from './event-stream';
import { applySecurityHeaders, sendError, sendJson } from '../../http/http-util';
import { defaultBodyLimit, readJsonBody } from '../../http/json-body';
import { createRefusalLog } from './refusal-log';
import { checkHostAndOrigin, checkToken, createToken, tokenFromHeader } from './request-guard';
import { serveStatic } from './static-files';

export interface WebServerOptions {
  handlers: HandlerTable;
  bus: EventBus;
  /** The renderer build (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed only in tests; a launch makes a new random one. */
  token?: string;
  log?: Logger;
  heartbeatMs?: number;
  bodyLimit?: number;
  /** Finished exports, each fetched once from `/api/download/<id>`. */
  downloads?: Pick<Downloads, 'serve'>;
}

export interface WebServer {
  /** The base address, ending in `/`; the token is not part of it. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const callPrefix = '/api/call/';

/**
 * Browser mode: serves the renderer build and the same handler table the desktop app uses,
 * on 127.0.0.1 only. Every request must be addressed to this server (Host) and, when a
 * browser says who sent it (Origin), come from this server's own pages; API requests also
 * need this launch's token.
 *
 * Call answers are always HTTP 200 with the CallOutcome envelope, whether the call worked
 * or not, exactly as over IPC: the status only describes the transport (401 token, 403
 * Host/Origin, 413 size, 415/400 unreadable body, 404/405 route). Those refusals carry the
 * same envelope, so a client always gets { ok: false, error: { code, message, hint } }.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { handlers, bus } = options;
  const staticDir = path.resolve(options.staticDir);
  const token = options.token ?? createToken();
  const log = options.log ?? (() => undefined);
  // Anyone on this machine can send refused requests: their lines are rate-limited.
  const refusals = createRefusalLog({ log });
  const bodyLimit = options.bodyLimit ?? defaultBodyLimit;
  const events = createEventStream(
    bus,
    options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs },
  );
  let port = 0;

  const handleCall = async (
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
  ): Promise<void> => {
    if (req.method !== 'POST') {
      req.resume();
      sendError(
        res,
        {
          status: 405,
          code: 'InvalidArguments',
          message: 'Cloudshelf calls must be sent with POST.',
        },
        { Allow: 'POST' },
      );
      return;
    }
    const refusal = checkToken(tokenFromHeader(req.headers, tokenHeader), token);
    if (refusal) {
      req.resume();
      sendError(res, refusal);
      return;
    }
    const body = await readJsonBody(req, bodyLimit);
    if (!body.ok) {
      // Close the connection rather than read the rest of an oversized or unreadable body.
      sendError(res, body.error, { Connection: 'close' });
      return;
    }
    const outcome = await dispatch(handlers, name, body.value, { host: 'browser' }, log);
    sendJson(res, 200, outcome);
  };

  const handleEvents = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    if (req.method !== 'GET') {
      sendError(
        res,
        { status: 405, code: 'InvalidArguments', message: 'The event stream is read with GET.' },
        { Allow: 'GET' },
      );
      return;
    }
    // EventSource cannot send headers, so this one route takes the token from the query.
    const refusal = checkToken(url.searchParams.get(tokenQueryParam), token);
    if (refusal) {
      sendError(res, refusal);
      return;
    }
    events.handle(req, res);
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    applySecurityHeaders(res);
    const refused = checkHostAndOrigin(req.headers, port);
    if (refused) {
      refusals.refused(`refused ${req.method ?? '?'}: ${refused.message}`);
      req.resume();
      sendError(res, refused);
      return;
    }
    // The Host is now known to be ours, so it is a safe base for parsing the path.
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith(callPrefix)) {
      await handleCall(req, res, url.pathname.slice(callPrefix.length));
    } else if (url.pathname === httpEventsPath) {
      handleEvents(req, res, url);
    } else if (options.downloads && url.pathname.startsWith(downloadPathPrefix)) {
      // A link cannot send the token header: the one-time id in the path is the credential.
      await options.downloads.serve(req, res, url.pathname.slice(downloadPathPrefix.length));
    } else if (url.pathname.startsWith('/api/')) {
      req.resume();
      sendError(res, {
        status: 404,
        code: 'NotFound',
        message: `Cloudshelf has no API route ${url.pathname}.`,
      });
    } else {
      await serveStatic(req, res, staticDir, url.pathname);
    }
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      // Full detail for the log; the browser only gets a sentence.
      log(
        `request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(res, {
        status: 500,
        code: 'Internal',
        message: 'Cloudshelf could not answer this request because of an internal error.',
        hint: 'Try again; if it keeps failing, restart `npm run web` and report the log it printed.',
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        events.closeAll();
        refusals.flush();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        // Idle keep-alive sockets would otherwise hold close() open for seconds.
        server.closeIdleConnections();
      }),
  };
}
