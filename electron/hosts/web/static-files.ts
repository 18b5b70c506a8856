import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { contentTypeFor } from '../../http/renderer-assets';
import { sendError, type HttpError } from '../../http/http-util';

export { contentTypeFor };

const notFound: HttpError = {
  status: 404,
  code: 'NotFound',
  message: 'There is no such page in Cloudshelf.',
  hint: 'Open the address `npm run web` printed; it ends in /?token=….',
};

const outsideRoot: HttpError = {
  status: 403,
  code: 'Forbidden',
  message: 'Cloudshelf only serves its own files.',
  hint: 'Open the address `npm run web` printed.',
};

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Maps a URL path to a file under `root`, or explains why not. Decodes once, refuses NUL
 * bytes and anything that resolves outside the root, then checks again after symlinks.
 */
export async function resolveStaticFile(
  root: string,
  urlPath: string,
): Promise<{ file: string } | { error: HttpError }> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { error: notFound };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { error: outsideRoot };
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const candidate = path.resolve(root, relative);
  if (!isInside(root, candidate)) return { error: outsideRoot };
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!isInside(realRoot, realFile)) return { error: outsideRoot };
    if (!(await stat(realFile)).isFile()) return { error: notFound };
    return { file: realFile };
  } catch {
    return { error: notFound };
  }
}

/** Serves one file from the renderer build with the right type and cache policy. */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  urlPath: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(
      res,
      {
        status: 405,
        code: 'Forbidden',
        message: `Cloudshelf's pages can only be read (GET), not sent ${req.method ?? 'other'} requests.`,
      },
      { Allow: 'GET, HEAD' },
    );
    return;
  }
  const resolved = await resolveStaticFile(root, urlPath);
  if ('error' in resolved) {
    sendError(res, resolved.error);
    return;
  }
  const { size } = await stat(resolved.file);
  const isHtml = path.extname(resolved.file) === '.html';
  res.writeHead(200, {
    'Content-Type': contentTypeFor(resolved.file),
    'Content-Length': size,
    // The page names this launch's assets; never let a browser reuse an old one.
    'Cache-Control': isHtml ? 'no-store' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(resolved.file);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    stream.on('end', resolve);
    stream.pipe(res);
  });
}
