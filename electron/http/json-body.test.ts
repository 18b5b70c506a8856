import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readJsonBody, type BodyResult } from './json-body';
import { rawRequest } from '../test-support/raw-http';

let server: Server | undefined;
afterEach(async () => {
  const running = server;
  server = undefined;
  if (running) await new Promise((resolve) => running.close(resolve));
});

/** Posts `body` to a real server that reads it with readJsonBody, and returns what it read. */
async function read(
  body: string,
  headers: Record<string, string>,
  limit = 64,
): Promise<BodyResult> {
  let result: BodyResult | undefined;
  const created = createServer((req, res) => {
    void readJsonBody(req, limit).then((read) => {
      result = read;
      res.writeHead(read.ok ? 200 : read.error.status, { Connection: 'close' });
      res.end();
    });
  });
  server = created;
  await new Promise<void>((resolve) => created.listen(0, '127.0.0.1', resolve));
  const port = (created.address() as AddressInfo).port;
  await rawRequest({ port, method: 'POST', path: '/', headers, body });
  if (!result) throw new Error('the server never read the body');
  return result;
}

const json = { 'content-type': 'application/json' };

describe('readJsonBody', () => {
  it('parses a JSON object', async () => {
    expect(await read('{"a":[1,2]}', json)).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('treats an empty body as no arguments', async () => {
    expect(await read('', json)).toEqual({ ok: true, value: undefined });
  });

  it('accepts a charset parameter on the content type', async () => {
    const result = await read('{}', { 'content-type': 'application/json; charset=utf-8' });
    expect(result.ok).toBe(true);
  });

  it('refuses other content types with 415', async () => {
    const result = await read('{}', { 'content-type': 'text/plain' });
    expect(result).toMatchObject({ ok: false, error: { status: 415 } });
  });

  it('refuses bodies over the limit, declared or streamed', async () => {
    const declared = await read(JSON.stringify({ a: 'x'.repeat(100) }), json);
    expect(declared).toMatchObject({ ok: false, error: { status: 413 } });
    const chunked = await read(JSON.stringify({ a: 'x'.repeat(100) }), {
      ...json,
      'transfer-encoding': 'chunked',
    });
    expect(chunked).toMatchObject({ ok: false, error: { status: 413 } });
  });

  it('refuses malformed JSON with 400', async () => {
    expect(await read('{"a":', json)).toMatchObject({
      ok: false,
      error: { status: 400, code: 'InvalidArguments' },
    });
  });
});
