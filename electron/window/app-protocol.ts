import { readFile as readFileFromDisk } from 'node:fs/promises';
import path from 'node:path';
import { contentTypeFor, rendererContentSecurityPolicy } from '../http/renderer-assets';
import { appHost, appScheme, describeUrlOrigin } from './app-origin';

/** The same policy browser mode sends (electron/http/renderer-assets.ts). */
export const appContentSecurityPolicy = rendererContentSecurityPolicy;
export { contentTypeFor };

export type AppFileResolution =
  { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps an app:// request URL to a file under `rootDir`, or says why it will not.
 * The URL parser already folds literal and %2e-encoded `..` segments, so what is checked
 * here is what survives decoding: %2f-encoded separators, backslashes (Windows separators)
 * and NUL bytes. The final containment check is the backstop for anything missed.
 */
export function resolveAppFile(requestUrl: string, rootDir: string): AppFileResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'unparseable URL' };
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) {
    return { ok: false, status: 404, reason: `unknown origin ${describeUrlOrigin(requestUrl)}` };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  const relative = decoded === '' || decoded === '/' ? 'index.html' : decoded.replace(/^\//, '');
  if (relative.includes('\\') || relative.includes('\0')) {
    return { ok: false, status: 403, reason: 'forbidden character in path' };
  }
  const segments = relative.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) {
    return { ok: false, status: 403, reason: 'path traversal' };
  }
  if (segments.some((segment) => segment === '')) {
    return { ok: false, status: 404, reason: 'not a file' };
  }
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  const fromRoot = path.relative(root, filePath);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) {
    return { ok: false, status: 403, reason: 'path outside the renderer directory' };
  }
  return { ok: true, filePath };
}

export function appResponseHeaders(contentType: string): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  };
  // Assigned rather than written in the literal above: this is the form Electronegativity's
  // CSP check recognizes, so its CSP_GLOBAL_CHECK knows the app has a policy.
  headers['content-security-policy'] = appContentSecurityPolicy; // eng-disable CSP_GLOBAL_CHECK -- scanner cannot read a constant; the policy is pinned in app-protocol.test.ts
  return headers;
}

export interface AppProtocolDeps {
  /** The built renderer (dist/renderer). */
  rootDir: string;
  log: (message: string) => void;
  /** Injected for tests; defaults to fs.readFile, which also reads inside app.asar. */
  readFile?: (filePath: string) => Promise<Uint8Array>;
}

function refusal(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: appResponseHeaders('text/plain; charset=utf-8'),
  });
}

function isMissingFileError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

/** The `protocol.handle('app', …)` handler: read-only, GET/HEAD only, CSP on every answer. */
export function createAppProtocolHandler(
  deps: AppProtocolDeps,
): (request: Request) => Promise<Response> {
  const readFile = deps.readFile ?? readFileFromDisk;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refusal(405, 'Method not allowed');
    }
    const resolved = resolveAppFile(request.url, deps.rootDir);
    if (!resolved.ok) {
      deps.log(`app:// request refused (${resolved.status}): ${resolved.reason}`);
      return refusal(resolved.status, 'Not available');
    }
    let body: Uint8Array;
    try {
      body = await readFile(resolved.filePath);
    } catch (error) {
      if (isMissingFileError(error)) return refusal(404, 'Not found');
      deps.log(
        `app:// could not read a renderer file: ${error instanceof Error ? error.message : String(error)}`,
      );
      return refusal(500, 'Could not read the file');
    }
    const headers = appResponseHeaders(contentTypeFor(resolved.filePath));
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
