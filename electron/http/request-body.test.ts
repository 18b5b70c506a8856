import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../test-support/raw-http';
import { readRequestBody, type RequestBody } from './request-body';

let server: Server;
let port = 0;
const results: RequestBody[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    void readRequestBody(req, 16).then((result) => {
      results.push(result);
      res.writeHead(result.ok ? 200 : 413, { Connection: 'close' });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(
  () =>
    new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    ),
);

const send = async (body: string, headers: Record<string, string> = {}): Promise<number> =>
  (await rawRequest({ port, method: 'POST', headers, body })).status;

describe('readRequestBody', () => {
  it('reads a whole body as UTF-8', async () => {
    expect(await send('héllo')).toBe(200);
    expect(results.at(-1)).toEqual({ ok: true, text: 'héllo' });
  });

  it('reads a body of exactly the limit', async () => {
    expect(await send('x'.repeat(16))).toBe(200);
    expect(results.at(-1)).toEqual({ ok: true, text: 'x'.repeat(16) });
  });

  it('gives up past the limit, declared or streamed', async () => {
    expect(await send('x'.repeat(17))).toBe(413);
    expect(results.at(-1)).toEqual({ ok: false, reason: 'too-large' });
    expect(await send('x'.repeat(17), { 'transfer-encoding': 'chunked' })).toBe(413);
    expect(results.at(-1)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('reports a request cut off before its end as aborted', async () => {
    let read: (result: RequestBody) => void = () => undefined;
    const result = new Promise<RequestBody>((resolve) => (read = resolve));
    const reader = createServer((req) => {
      void readRequestBody(req, 16).then(read);
    });
    await new Promise<void>((resolve) => reader.listen(0, '127.0.0.1', resolve));
    const req = request({
      host: '127.0.0.1',
      port: (reader.address() as AddressInfo).port,
      method: 'POST',
      headers: { 'content-length': '10' },
    });
    req.on('error', () => undefined);
    // Three of the ten declared bytes, then the client goes away.
    req.write('abc', () => {
      setTimeout(() => req.destroy(), 20);
    });
    try {
      expect(await result).toEqual({ ok: false, reason: 'aborted' });
    } finally {
      reader.close();
    }
  });
});
