import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmod, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFileTarget } from '../../core/export';
import { createDownloads, downloadPathPrefix, type Downloads } from './downloads';

let dir: string;
let downloads: Downloads;
let server: Server;
let origin: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cloudshelf-downloads-'));
  downloads = createDownloads({ dir: join(dir, 'exports'), openFile: openFileTarget });
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    void downloads.serve(req, res, path.slice(downloadPathPrefix.length));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await downloads.close();
  await rm(dir, { recursive: true, force: true });
});

/** Writes `text` as an export would and returns the download address. */
async function finishedExport(text: string, name: string, format: 'csv' | 'jsonl' = 'csv') {
  const target = await downloads.destination.open(name, format);
  if (target === null) throw new Error('browser mode never declines');
  await new Promise<void>((resolve, reject) => {
    target.stream.end(text, () => {
      resolve();
    });
    target.stream.once('error', reject);
  });
  await target.commit();
  return downloads.destination.delivered(target, name);
}

describe('browser-mode downloads', () => {
  it('serves a finished export once, as an attachment named as suggested, then deletes it', async () => {
    const delivered = await finishedExport('Region,ImageName\r\nus-east-1,a\r\n', 'images.csv');
    expect(delivered.path).toBeNull();
    expect(delivered.downloadUrl).toMatch(/^\/api\/download\/[A-Za-z0-9_-]{22}$/);

    const response = await fetch(origin + String(delivered.downloadUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename=images.csv');
    expect(await response.text()).toBe('Region,ImageName\r\nus-east-1,a\r\n');
    // Removed right after the last byte went out.
    await expect.poll(() => readdir(join(dir, 'exports'))).toEqual([]);

    const again = await fetch(origin + String(delivered.downloadUrl));
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('expired or was already used');
  });

  it('names non-ASCII files for every browser and types JSON Lines', async () => {
    const delivered = await finishedExport('{}\n', 'bilder-größe.jsonl', 'jsonl');
    const response = await fetch(origin + String(delivered.downloadUrl));
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="bilder-gr??e.jsonl"; filename*=UTF-8\'\'bilder-gr%C3%B6%C3%9Fe.jsonl',
    );
  });

  it('answers 404 to an address it never gave out', async () => {
    const response = await fetch(`${origin}${downloadPathPrefix}not-a-real-id`);
    expect(response.status).toBe(404);
  });

  it('deletes a file nobody downloads in time', async () => {
    await downloads.close();
    downloads = createDownloads({ dir: join(dir, 'exports'), openFile: openFileTarget, ttlMs: 20 });
    const delivered = await finishedExport('x\r\n', 'late.csv');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await readdir(join(dir, 'exports'))).toEqual([]);
    expect((await fetch(origin + String(delivered.downloadUrl))).status).toBe(404);
  });

  it.runIf(process.platform !== 'win32')(
    'keeps waiting exports owner-only, in a folder only its owner can open',
    async () => {
      const exportsDir = join(dir, 'exports');
      // As an earlier version left it.
      await mkdir(exportsDir, { recursive: true, mode: 0o755 });
      await chmod(exportsDir, 0o755);
      const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

      const target = await downloads.destination.open('images.csv', 'csv');
      if (target === null) throw new Error('browser mode never declines');
      expect(await mode(exportsDir)).toBe(0o700);
      // While it is written: the temporary file, too.
      for (const name of await readdir(exportsDir)) {
        expect(await mode(join(exportsDir, name))).toBe(0o600);
      }
      target.stream.end('x\r\n');
      await target.commit();
      downloads.destination.delivered(target, 'images.csv');
      const waiting = await readdir(exportsDir);
      expect(waiting).toHaveLength(1);
      expect(await mode(join(exportsDir, waiting[0] ?? ''))).toBe(0o600);
    },
  );

  it('a cancelled export leaves nothing behind', async () => {
    const target = await downloads.destination.open('images.csv', 'csv');
    if (target === null) throw new Error('browser mode never declines');
    target.stream.write('partial');
    await target.discard();
    expect(await readdir(join(dir, 'exports'))).toEqual([]);
  });
});
