import type { IncomingMessage } from 'node:http';
import type { HttpError } from './http-util';

export const defaultBodyLimit = 1024 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; error: HttpError };

function tooLarge(limit: number): HttpError {
  return {
    status: 413,
    code: 'InvalidArguments',
    message: `The request is larger than Cloudshelf accepts (${Math.round(limit / 1024)} KiB).`,
    hint: 'Send fewer or smaller arguments in one call.',
  };
}

/**
 * Reads a JSON request body of at most `limit` bytes. An empty body means "no arguments".
 * Oversized bodies are refused from Content-Length when declared, or as soon as the stream
 * passes the limit; the rest is drained rather than buffered.
 */
export function readJsonBody(req: IncomingMessage, limit = defaultBodyLimit): Promise<BodyResult> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    req.resume();
    return Promise.resolve({
      ok: false,
      error: {
        status: 415,
        code: 'InvalidArguments',
        message:
          'Cloudshelf calls must send their arguments as JSON (Content-Type: application/json).',
      },
    });
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve({ ok: false, error: tooLarge(limit) });
  }

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        settle({ ok: false, error: tooLarge(limit) });
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => {
      settle({
        ok: false,
        error: { status: 400, code: 'InvalidArguments', message: 'The request was cut off.' },
      });
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') {
        settle({ ok: true, value: undefined });
        return;
      }
      try {
        settle({ ok: true, value: JSON.parse(text) as unknown });
      } catch {
        settle({
          ok: false,
          error: {
            status: 400,
            code: 'InvalidArguments',
            message: 'The request body is not valid JSON.',
            hint: 'Send the call arguments as a JSON object, e.g. {}.',
          },
        });
      }
    });
  });
}
