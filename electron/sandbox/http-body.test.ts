import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBody, type BodyResult } from './http-body';

let server: Server;
let port = 0;
const results: BodyResult[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req, 16).then((result) => {
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

function send(body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('readBody', () => {
  it('reads a whole body as UTF-8', async () => {
    expect(await send('héllo')).toBe(200);
    expect(results.at(-1)).toEqual({ ok: true, text: 'héllo' });
  });

  it('gives up past the limit', async () => {
    expect(await send('x'.repeat(17))).toBe(413);
    expect(results.at(-1)).toEqual({ ok: false, reason: 'too-large' });
  });
});
