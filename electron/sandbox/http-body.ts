import type { IncomingMessage } from 'node:http';

/** Cloud Control bodies are at most ~256 KiB of properties; 1 MiB leaves room for JSON. */
export const bodyLimit = 1024 * 1024;

export type BodyResult =
  { ok: true; text: string } | { ok: false; reason: 'too-large' | 'aborted' };

/** Reads a whole request body as UTF-8, giving up past `limit` bytes. */
export function readBody(req: IncomingMessage, limit = bodyLimit): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyResult): void => {
      if (done) return;
      done = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        finish({ ok: false, reason: 'too-large' });
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', () => {
      finish({ ok: false, reason: 'aborted' });
    });
    req.on('close', () => {
      finish({ ok: false, reason: 'aborted' });
    });
  });
}
