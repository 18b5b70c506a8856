import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  appContentSecurityPolicy,
  contentTypeFor,
  createAppProtocolHandler,
  resolveAppFile,
} from './app-protocol';
import { contentSecurityPolicy as browserModePolicy } from '../http/http-util';

const root = '/opt/cloudshelf/dist/renderer';

describe('resolveAppFile', () => {
  it('serves index.html for the root', () => {
    expect(resolveAppFile('app://cloudshelf/', root)).toEqual({
      ok: true,
      filePath: path.join(root, 'index.html'),
    });
    expect(resolveAppFile('app://cloudshelf', root)).toEqual({
      ok: true,
      filePath: path.join(root, 'index.html'),
    });
  });

  it('maps nested assets inside the root and ignores query and hash', () => {
    expect(resolveAppFile('app://cloudshelf/assets/index-abc.js?v=1#x', root)).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'index-abc.js'),
    });
    expect(resolveAppFile('app://cloudshelf/assets/my%20file.css', root)).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'my file.css'),
    });
  });

  it.each([
    ['literal ..', 'app://cloudshelf/../../etc/passwd'],
    ['%2e%2e segments', 'app://cloudshelf/%2e%2e/%2e%2e/etc/passwd'],
    ['mixed-case %2E.', 'app://cloudshelf/assets/%2E./%2E./%2E./etc/passwd'],
  ])('keeps %s inside the root (the URL parser folds them)', (_label, url) => {
    expect(resolveAppFile(url, root)).toEqual({
      ok: true,
      filePath: path.join(root, 'etc', 'passwd'),
    });
  });

  it.each([
    ['%2f-encoded separators', 'app://cloudshelf/..%2f..%2fetc%2fpasswd'],
    [
      'an encoded separator after a real segment',
      'app://cloudshelf/assets/..%2F..%2F..%2Fetc/passwd',
    ],
    ['encoded backslashes', 'app://cloudshelf/..%5c..%5cwindows%5cwin.ini'],
    ['a raw backslash segment', 'app://cloudshelf/assets/..\\..\\secret'],
    ['an encoded NUL', 'app://cloudshelf/index.html%00.png'],
    ['an encoded dot segment', 'app://cloudshelf/assets/.%2findex.html'],
  ])('refuses %s with 403', (_label, url) => {
    expect(resolveAppFile(url, root)).toMatchObject({ ok: false, status: 403 });
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['an uppercase host', 'app://CLOUDSHELF/index.html'],
    ['another scheme', 'file:///opt/cloudshelf/dist/renderer/index.html'],
    ['a directory path', 'app://cloudshelf/assets/'],
  ])('refuses %s with 404', (_label, url) => {
    expect(resolveAppFile(url, root)).toMatchObject({ ok: false, status: 404 });
  });

  it('refuses malformed percent-encoding with 400', () => {
    expect(resolveAppFile('app://cloudshelf/%E0%A4%A', root)).toMatchObject({
      ok: false,
      status: 400,
    });
  });
});

describe('contentTypeFor', () => {
  it('knows the types a Vite build emits and falls back to octet-stream', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/a.exe')).toBe('application/octet-stream');
  });
});

describe('the app:// protocol handler', () => {
  let dir: string;
  let rendererDir: string;
  const log = vi.fn<(message: string) => void>();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cloudshelf-app-protocol-'));
    rendererDir = path.join(dir, 'renderer');
    await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
    await writeFile(
      path.join(rendererDir, 'index.html'),
      '<!doctype html><title>Cloudshelf</title>',
    );
    await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
    // A file next to the renderer dir that traversal would reach.
    await writeFile(path.join(dir, 'secret.txt'), 'TOP-SECRET');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const handler = (): ((request: Request) => Promise<Response>) =>
    createAppProtocolHandler({ rootDir: rendererDir, log });

  it('serves index.html for / with the CSP and nosniff headers', async () => {
    const response = await handler()(new Request('app://cloudshelf/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Cloudshelf</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(appContentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends the strict policy: self-only scripts, no eval, no inline script, no framing', () => {
    const directives = appContentSecurityPolicy.split('; ');
    expect(directives).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ]),
    );
    expect(appContentSecurityPolicy).not.toMatch(/unsafe-|\*|https?:|blob:/);
    expect(directives.find((d) => d.startsWith('script-src'))).toBe("script-src 'self'");
  });

  it('matches the policy browser mode sends, since both serve the same renderer', () => {
    expect(appContentSecurityPolicy).toBe(browserModePolicy);
  });

  it('serves assets with their content type', async () => {
    const response = await handler()(new Request('app://cloudshelf/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1);');
  });

  it.each([
    'app://cloudshelf/..%2fsecret.txt',
    'app://cloudshelf/assets/..%2f..%2fsecret.txt',
    'app://cloudshelf/%2e%2e/secret.txt',
    'app://cloudshelf/../secret.txt',
  ])('never returns a file outside the renderer dir for %s', async (url) => {
    const response = await handler()(new Request(url));
    expect(response.status).not.toBe(200);
    expect(await response.text()).not.toContain('TOP-SECRET');
    expect(response.headers.get('content-security-policy')).toBe(appContentSecurityPolicy);
  });

  it('answers 404 for a missing file and for unknown hosts, and logs refusals', async () => {
    log.mockClear();
    expect((await handler()(new Request('app://cloudshelf/missing.js'))).status).toBe(404);
    expect((await handler()(new Request('app://other/index.html'))).status).toBe(404);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('unknown origin app://other'));
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler()(
      new Request('app://cloudshelf/', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
  });

  it('answers 500 without details when the file cannot be read', async () => {
    const failing = createAppProtocolHandler({
      rootDir: rendererDir,
      log,
      readFile: () =>
        Promise.reject(Object.assign(new Error('EACCES: denied'), { code: 'EACCES' })),
    });
    const response = await failing(new Request('app://cloudshelf/index.html'));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('EACCES');
  });
});
