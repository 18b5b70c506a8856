import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CallOutcome, httpCallPath, tokenHeader, type ProfileList } from '../../../shared/contract';
import { EventBus } from '../../core/events';
import { createHandlers } from '../handlers';
import type { HandlerTable } from '../dispatch';
import { startWebServer, type WebServer } from './server';
import { rawRequest } from '../../test-support/raw-http';
import { makeTempSite, openStream, parseJson, type TempSite } from './test-helpers';

let site: TempSite;
let bus: EventBus;
let server: WebServer;
let appInfoRuns = 0;

beforeAll(async () => {
  site = await makeTempSite();
  bus = new EventBus();
  const real = createHandlers({
    identity: { name: 'Cloudshelf', version: '9.8.7', host: 'browser' },
    // Point the AWS loader at files that do not exist, so the machine's own ~/.aws is not read.
    env: {
      AWS_CONFIG_FILE: path.join(site.base, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(site.base, 'no-credentials'),
    },
  });
  const handlers: HandlerTable = {
    ...real,
    'app.info': (args, context) => {
      appInfoRuns++;
      return real['app.info'](args, context);
    },
  };
  server = await startWebServer({ handlers, bus, staticDir: site.root, port: 0 });
});

afterAll(async () => {
  await server.close();
  await site.remove();
});

const own = (): Record<string, string> => ({
  [tokenHeader]: server.token,
  'content-type': 'application/json',
});

async function call(name: string, body: string, headers = own()) {
  const res = await rawRequest({
    port: server.port,
    method: 'POST',
    path: `/api/call/${name}`,
    headers,
    body,
  });
  return { ...res, outcome: CallOutcome.parse(parseJson(res.body)) };
}

describe('calls', () => {
  it('answers app.info with the identity it was started with', async () => {
    expect(httpCallPath('app.info')).toBe('/api/call/app.info');
    const res = await call('app.info', '{}');
    expect(res.status).toBe(200);
    expect(res.outcome).toMatchObject({
      ok: true,
      value: { name: 'Cloudshelf', version: '9.8.7', host: 'browser' },
    });
  });

  it('lists profiles, including the built-in Sandbox', async () => {
    const res = await call('profiles.list', '');
    expect(res.outcome.ok).toBe(true);
    const list = (res.outcome as { value: ProfileList }).value;
    expect(list.profiles.map((p) => p.name)).toContain('Sandbox');
  });

  it('returns InvalidArguments for arguments the contract does not allow', async () => {
    const res = await call('app.info', '{"region":"us-east-1"}');
    expect(res.status).toBe(200);
    expect(res.outcome).toMatchObject({ ok: false, error: { code: 'InvalidArguments' } });
  });

  it('returns InvalidArguments (400) for a body that is not JSON', async () => {
    const res = await call('app.info', '{not json');
    expect(res.status).toBe(400);
    expect(res.outcome).toMatchObject({ ok: false, error: { code: 'InvalidArguments' } });
  });

  it('returns UnknownCall for a name not in the contract', async () => {
    const res = await call('aws.deleteEverything', '{}');
    expect(res.outcome).toMatchObject({ ok: false, error: { code: 'UnknownCall' } });
  });

  it('refuses bodies over the size limit with 413', async () => {
    const big = JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + 10) });
    const res = await call('app.info', big);
    expect(res.status).toBe(413);
    expect(res.outcome.ok).toBe(false);
  });

  it('refuses a call that is not JSON-typed (415) or not a POST (405)', async () => {
    const typed = await call('app.info', '{}', { ...own(), 'content-type': 'text/plain' });
    expect(typed.status).toBe(415);
    const get = await rawRequest({ port: server.port, path: '/api/call/app.info', headers: own() });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
  });
});

describe('token', () => {
  it('refuses calls without a token, or with a wrong one, with 401 and never runs the handler', async () => {
    const before = appInfoRuns;
    const missing = await call('app.info', '{}', { 'content-type': 'application/json' });
    const wrong = await call('app.info', '{}', { ...own(), [tokenHeader]: 'x'.repeat(43) });
    const short = await call('app.info', '{}', { ...own(), [tokenHeader]: 'x' });
    for (const res of [missing, wrong, short]) {
      expect(res.status).toBe(401);
      expect(res.outcome).toMatchObject({ ok: false, error: { code: 'Unauthorized' } });
      if (!res.outcome.ok) expect(res.outcome.error.message).toContain('npm run web');
    }
    expect(appInfoRuns).toBe(before);
  });

  it('does not accept the call token from the query string', async () => {
    const res = await rawRequest({
      port: server.port,
      method: 'POST',
      path: `/api/call/app.info?token=${server.token}`,
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
  });

  it('makes a new 32-byte token per launch', async () => {
    const other = await startWebServer({
      handlers: createHandlers({
        identity: { name: 'Cloudshelf', version: '1', host: 'browser' },
        env: {},
      }),
      bus: new EventBus(),
      staticDir: site.root,
    });
    await other.close();
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(other.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(other.token).not.toBe(server.token);
  });
});

describe('Host and Origin', () => {
  it('refuses a foreign Host with 403 even with the right token (DNS rebinding)', async () => {
    const before = appInfoRuns;
    for (const host of [`evil.example:${server.port}`, `localhost:${server.port}`, '127.0.0.1']) {
      const res = await call('app.info', '{}', { ...own(), host });
      expect(res.status).toBe(403);
      expect(res.outcome).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    }
    const page = await rawRequest({
      port: server.port,
      path: '/',
      headers: { host: `rebind.example:${server.port}` },
    });
    expect(page.status).toBe(403);
    expect(appInfoRuns).toBe(before);
  });

  it('refuses a foreign Origin with 403 (CSRF) and accepts its own', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, 'null']) {
      const res = await call('app.info', '{}', { ...own(), origin });
      expect(res.status).toBe(403);
      expect(res.outcome).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    }
    const ok = await call('app.info', '{}', {
      ...own(),
      origin: `http://127.0.0.1:${server.port}`,
    });
    expect(ok.outcome.ok).toBe(true);
  });
});

describe('the log of refused requests', () => {
  it('writes a few lines a minute however many requests are refused, then one count', async () => {
    const lines: string[] = [];
    const flooded = await startWebServer({
      handlers: createHandlers({ identity: { name: 'C', version: '1', host: 'browser' }, env: {} }),
      bus,
      staticDir: site.root,
      log: (line) => lines.push(line),
    });
    try {
      for (let i = 0; i < 60; i++) {
        const res = await rawRequest({
          port: flooded.port,
          path: '/',
          headers:
            i % 2 === 0 ? { host: `flood${i}.example` } : { origin: `http://flood${i}.example` },
        });
        expect(res.status).toBe(403);
      }
    } finally {
      await flooded.close();
    }
    const oneByOne = lines.filter((line) => line.startsWith('refused GET'));
    expect(oneByOne.length).toBeGreaterThan(0);
    expect(oneByOne.length).toBeLessThanOrEqual(5);
    // The rest are counted, not lost: the count comes when the minute ends or the server stops.
    expect(lines).toContain(
      `refused ${60 - oneByOne.length} more requests (wrong Host or Origin) in 60 s, not logged one by one`,
    );
  });
});

describe('event stream', () => {
  const payload: ProfileList = {
    profiles: [{ name: 'Sandbox', source: 'builtin', region: 'us-east-1' }],
    selected: 'Sandbox',
    problems: [],
  };

  it('refuses a stream without the token', async () => {
    const res = await rawRequest({ port: server.port, path: '/api/events' });
    expect(res.status).toBe(401);
    const wrong = await rawRequest({ port: server.port, path: '/api/events?token=nope' });
    expect(wrong.status).toBe(401);
    expect(bus.listenerCount('profiles.changed')).toBe(0);
  });

  it('delivers an emitted event and unsubscribes when the client disconnects', async () => {
    const stream = await openStream({
      port: server.port,
      path: `/api/events?token=${encodeURIComponent(server.token)}`,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    await stream.waitFor(': connected');

    bus.emit('profiles.changed', payload);
    await stream.waitFor('event: profiles.changed\n');
    const data = /event: profiles\.changed\ndata: (.*)\n\n/.exec(stream.text())?.[1];
    expect(parseJson(data ?? '')).toEqual(payload);

    stream.disconnect();
    await vi.waitFor(() => {
      expect(bus.listenerCount('profiles.changed')).toBe(0);
    });
  });

  it('ends open streams when the server closes', async () => {
    const extra = await startWebServer({
      handlers: createHandlers({ identity: { name: 'C', version: '1', host: 'browser' }, env: {} }),
      bus,
      staticDir: site.root,
    });
    const stream = await openStream({
      port: extra.port,
      path: `/api/events?token=${extra.token}`,
    });
    await stream.waitFor(': connected');
    await extra.close();
    await stream.ended;
    expect(bus.listenerCount('profiles.changed')).toBe(0);
  });
});

describe('static files', () => {
  it('serves index.html for / with security headers and no caching', async () => {
    const res = await rawRequest({ port: server.port, path: '/?token=abc' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Cloudshelf test</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const csp = String(res.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "connect-src 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with their content type, and 404s for missing files', async () => {
    const js = await rawRequest({ port: server.port, path: '/assets/app.js' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const css = await rawRequest({ port: server.port, path: '/assets/app.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const missing = await rawRequest({ port: server.port, path: '/assets/nope.js' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
  });

  it('refuses path traversal out of the static folder', async () => {
    for (const attempt of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      `/${encodeURIComponent(path.join(site.base, 'secret.txt'))}`,
    ]) {
      const res = await rawRequest({ port: server.port, path: attempt });
      expect(res.status, attempt).toBeGreaterThanOrEqual(400);
      expect(res.body, attempt).not.toContain(site.secret);
    }
  });
});

describe('network exposure', () => {
  const refused = (host: string): Promise<boolean> =>
    new Promise((resolve) => {
      const socket = connect({ host, port: server.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => {
        resolve(true);
      });
    });

  it('listens on 127.0.0.1 only', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(await refused('127.0.0.1')).toBe(false);
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && !address.internal)
      .map((address) => address?.address ?? '');
    // Every non-loopback address of this machine (if it has any) must refuse the connection.
    for (const address of external) expect(await refused(address), address).toBe(true);
    expect(await refused('::1')).toBe(true);
  });
});
