import { describe, expect, it, vi } from 'vitest';
import { buildApi, CloudshelfError, tokenHeader, type ProfileList } from '../../shared/contract';
import { createHttpTransport, type HttpTransportOptions } from './http-transport';
import { FakeEventSource, fakeFetch, jsonResponse } from './test-doubles';

const base = 'http://127.0.0.1:4321';
const list: ProfileList = {
  profiles: [{ name: 'Sandbox', source: 'builtin', region: 'us-east-1' }],
  selected: 'Sandbox',
  problems: [],
};

function setup(overrides: Partial<HttpTransportOptions> = {}) {
  const sources: FakeEventSource[] = [];
  const warnings: string[] = [];
  const fetched = fakeFetch(() => jsonResponse({ ok: true, value: { name: 'Cloudshelf' } }));
  const transport = createHttpTransport({
    baseUrl: base,
    token: 'tok-123',
    fetch: fetched.fetch,
    openEventSource: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
    warn: (message) => warnings.push(message),
    ...overrides,
  });
  return { transport, api: buildApi(transport), sources, warnings, requests: fetched.requests };
}

async function rejection(promise: Promise<unknown>): Promise<CloudshelfError> {
  const error: unknown = await promise.then(
    () => new Error('expected the call to fail'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof CloudshelfError)) throw error;
  return error;
}

describe('calls', () => {
  it('POSTs JSON arguments with the token header to the call route', async () => {
    const { api, requests } = setup();
    await expect(api.app.info()).resolves.toEqual({ name: 'Cloudshelf' });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.url).toBe(`${base}/api/call/app.info`);
    expect(request?.init?.method).toBe('POST');
    expect(request?.init?.body).toBe('{}');
    expect(new Headers(request?.init?.headers).get(tokenHeader)).toBe('tok-123');
    expect(new Headers(request?.init?.headers).get('content-type')).toBe('application/json');
  });

  it("surfaces the server's refusal (401) as a CloudshelfError with its message and hint", async () => {
    const refused = fakeFetch(() =>
      jsonResponse(
        { ok: false, error: { code: 'Unauthorized', message: 'Open the new address.', hint: 'h' } },
        401,
      ),
    );
    const { api } = setup({ fetch: refused.fetch });
    const error = await rejection(api.profiles.list());
    expect(error.code).toBe('Unauthorized');
    expect(error.message).toBe('Open the new address.');
    expect(error.hint).toBe('h');
  });

  it('explains an unreachable server and how to fix it', async () => {
    const down = () => Promise.reject(new TypeError('Failed to fetch'));
    const { api } = setup({ fetch: down });
    const error = await rejection(api.app.info());
    expect(error.code).toBe('Unavailable');
    expect(error.message).toContain(base);
    expect(error.hint).toContain('npm run web');
  });

  it('reports an answer that is not JSON without showing it', async () => {
    const html = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const { api } = setup({ fetch: html.fetch });
    const error = await rejection(api.app.info());
    expect(error.code).toBe('Internal');
    expect(error.message).toContain('HTTP 502');
    expect(error.message).not.toContain('<html>');
  });

  it('without a token, fails with Unauthorized naming `npm run web` and sends nothing', async () => {
    const { api, requests } = setup({ token: null });
    const error = await rejection(api.app.info());
    expect(error.code).toBe('Unauthorized');
    expect(error.message).toContain('npm run web');
    expect(requests).toHaveLength(0);
  });
});

describe('events', () => {
  it('connects lazily, once, with the token in the query', () => {
    const { api, sources } = setup();
    expect(sources).toHaveLength(0);
    api.on('profiles.changed', () => undefined);
    api.on('profiles.changed', () => undefined);
    expect(sources).toHaveLength(1);
    expect(sources[0]?.url).toBe(`${base}/api/events?token=tok-123`);
  });

  it('delivers valid payloads by event name to every subscriber', () => {
    const { api, sources } = setup();
    const first = vi.fn();
    const second = vi.fn();
    api.on('profiles.changed', first);
    api.on('profiles.changed', second);
    sources[0]?.emit('profiles.changed', JSON.stringify(list));
    expect(first).toHaveBeenCalledWith(list);
    expect(second).toHaveBeenCalledWith(list);
  });

  it('drops payloads that are not JSON or break the contract, with a warning', () => {
    const { api, sources, warnings } = setup();
    const listener = vi.fn();
    api.on('profiles.changed', listener);
    sources[0]?.emit('profiles.changed', '{oops');
    sources[0]?.emit('profiles.changed', JSON.stringify({ profiles: 'none' }));
    expect(listener).not.toHaveBeenCalled();
    expect(warnings).toHaveLength(2);
  });

  it('stops delivering after unsubscribe and closes the stream when nobody listens', () => {
    const { api, sources } = setup();
    const kept = vi.fn();
    const dropped = vi.fn();
    const stopKept = api.on('profiles.changed', kept);
    const stopDropped = api.on('profiles.changed', dropped);
    stopDropped();
    stopDropped();
    sources[0]?.emit('profiles.changed', JSON.stringify(list));
    expect(dropped).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledTimes(1);
    expect(sources[0]?.closed).toBe(false);

    stopKept();
    expect(sources[0]?.closed).toBe(true);
    api.on('profiles.changed', kept);
    expect(sources).toHaveLength(2);
  });

  it('opens no stream without a token', () => {
    const { api, sources } = setup({ token: null });
    const stop = api.on('profiles.changed', () => undefined);
    expect(sources).toHaveLength(0);
    stop();
  });
});
