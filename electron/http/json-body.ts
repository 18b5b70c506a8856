import type { IncomingMessage } from 'node:http';
import { readRequestBody } from './request-body';
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
 * Reads a JSON request body of at most `limit` bytes (see readRequestBody). An empty body means
 * "no arguments".
 */
export async function readJsonBody(
  req: IncomingMessage,
  limit = defaultBodyLimit,
): Promise<BodyResult> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    req.resume();
    return {
      ok: false,
      error: {
        status: 415,
        code: 'InvalidArguments',
        message:
          'Cloudshelf calls must send their arguments as JSON (Content-Type: application/json).',
      },
    };
  }
  const body = await readRequestBody(req, limit);
  if (!body.ok) {
    return {
      ok: false,
      error:
        body.reason === 'too-large'
          ? tooLarge(limit)
          : { status: 400, code: 'InvalidArguments', message: 'The request was cut off.' },
    };
  }
  if (body.text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(body.text) as unknown };
  } catch {
    return {
      ok: false,
      error: {
        status: 400,
        code: 'InvalidArguments',
        message: 'The request body is not valid JSON.',
        hint: 'Send the call arguments as a JSON object, e.g. {}.',
      },
    };
  }
}
