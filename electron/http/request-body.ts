import type { IncomingMessage } from 'node:http';

/** Plain Node, shared by browser mode and the sandbox; each answers the failures its own way. */
export type RequestBody =
  { ok: true; text: string } | { ok: false; reason: 'too-large' | 'aborted' };

/**
 * Reads a whole request body as UTF-8, of at most `limit` bytes. An oversized body is refused
 * from Content-Length when declared, or as soon as the stream passes the limit; the rest is
 * drained rather than buffered. A request that errors or closes before its end is 'aborted'.
 */
export function readRequestBody(req: IncomingMessage, limit: number): Promise<RequestBody> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve({ ok: false, reason: 'too-large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: RequestBody): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        settle({ ok: false, reason: 'too-large' });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      settle({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', () => {
      settle({ ok: false, reason: 'aborted' });
    });
    req.on('close', () => {
      settle({ ok: false, reason: 'aborted' });
    });
  });
}
