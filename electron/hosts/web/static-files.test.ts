import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticFile } from './static-files';
import { makeTempSite, type TempSite } from './test-helpers';

let site: TempSite;
beforeAll(async () => {
  site = await makeTempSite();
  await symlink(path.join(site.base, 'secret.txt'), path.join(site.root, 'escape.txt'));
});
afterAll(() => site.remove());

describe('resolveStaticFile', () => {
  it('maps / to index.html and paths to files under the root', async () => {
    expect(await resolveStaticFile(site.root, '/')).toEqual({
      file: path.join(site.root, 'index.html'),
    });
    expect(await resolveStaticFile(site.root, '/assets/app.js')).toEqual({
      file: path.join(site.root, 'assets', 'app.js'),
    });
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/index.html%00.js',
  ])('refuses %s', async (attempt) => {
    const result = await resolveStaticFile(site.root, attempt);
    expect(result).toHaveProperty('error.status', 403);
  });

  it('refuses a symlink that points outside the root', async () => {
    expect(await resolveStaticFile(site.root, '/escape.txt')).toHaveProperty('error.status', 403);
  });

  it('answers 404 for folders, missing files and undecodable paths', async () => {
    for (const missing of ['/assets', '/nope.html', '/%E0%A4%A']) {
      expect(await resolveStaticFile(site.root, missing)).toHaveProperty('error.status', 404);
    }
  });
});

describe('contentTypeFor', () => {
  it('names the types a Vite build produces', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('icon.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a.js.map')).toBe('application/json; charset=utf-8');
    expect(contentTypeFor('README')).toBe('application/octet-stream');
  });
});
