// Shared by the browser-mode tests: a real renderer-like folder on disk and a long-lived
// event-stream client (one-shot requests go through electron/test-support/raw-http.ts).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TempSite {
  /** Parent folder; holds a secret file that must never be served. */
  base: string;
  /** The folder served as the renderer build. */
  root: string;
  secret: string;
  remove(): Promise<void>;
}

export async function makeTempSite(): Promise<TempSite> {
  const base = await mkdtemp(path.join(tmpdir(), 'cloudshelf-web-'));
  const root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Cloudshelf test</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(path.join(root, 'assets', 'app.css'), 'body { color: red; }');
  const secret = 'TOP-SECRET-aws_secret_access_key';
  await writeFile(path.join(base, 'secret.txt'), secret);
  return { base, root, secret, remove: () => rm(base, { recursive: true, force: true }) };
}

export function parseJson(text: string): unknown {
  return JSON.parse(text) as unknown;
}

export interface OpenStream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Everything received so far. */
  text(): string;
  /** Resolves once the received text contains `needle`. */
  waitFor(needle: string, timeoutMs?: number): Promise<void>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** Disconnects like a closed browser tab. */
  disconnect(): void;
}

/** Opens a long-lived GET (an event stream) and resolves once the response headers arrive. */
export function openStream(options: {
  port: number;
  path: string;
  headers?: Record<string, string>;
}): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: options.port, path: options.path, headers: options.headers },
      (res) => {
        let received = '';
        const waiters = new Set<() => void>();
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          received += chunk;
          for (const check of waiters) check();
        });
        const ended = new Promise<void>((done) => {
          res.on('end', done);
          res.on('close', done);
        });
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: () => received,
          waitFor: (needle, timeoutMs = 5_000) =>
            new Promise<void>((done, fail) => {
              const timer = setTimeout(() => {
                waiters.delete(check);
                fail(
                  new Error(
                    `Timed out waiting for ${JSON.stringify(needle)}; got ${JSON.stringify(received)}`,
                  ),
                );
              }, timeoutMs);
              const check = (): void => {
                if (!received.includes(needle)) return;
                clearTimeout(timer);
                waiters.delete(check);
                done();
              };
              waiters.add(check);
              check();
            }),
          ended,
          disconnect: () => req.destroy(),
        });
      },
    );
    req.on('error', (error) => {
      // A deliberate disconnect surfaces as an error on the request; that is expected.
      if (!req.destroyed) reject(error);
    });
    req.end();
  });
}
