import { chmod, mkdir, mkdtemp, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeContentsPrivate, makeFolderPrivate } from './private-folder';

const permissions = async (target: string): Promise<number> => (await stat(target)).mode & 0o777;

// POSIX modes: Windows keeps AppData to its user with ACLs, and these checks do not apply.
describe.runIf(process.platform !== 'win32')('private data folder', () => {
  it('creates a missing folder owner-only, whatever the umask would allow', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'cloudshelf-private-')), 'a', 'data');
    makeFolderPrivate(dir, (line) => {
      throw new Error(line);
    });
    expect(await permissions(dir)).toBe(0o700);
  });

  it('makes an existing readable folder and everything in it owner-only', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'cloudshelf-private-'));
    const dir = path.join(root, 'data');
    const files = [
      'settings.json',
      'settings.json.unreadable-2026-11-23T10-00-00-000Z',
      'catalog/us-east-1/index.json',
      'catalog/us-east-1/schemas/AWS__S3__Bucket.json',
      'exports/export-abc',
    ].map((name) => path.join(dir, name));
    for (const file of files) {
      await mkdir(path.dirname(file), { recursive: true, mode: 0o755 });
      await writeFile(file, '{}', { mode: 0o644 });
      await chmod(file, 0o644);
    }
    await chmod(dir, 0o755);
    // A link out of the folder: its target is not Cloudshelf's to change.
    const outside = path.join(root, 'outside.txt');
    await writeFile(outside, 'x');
    await chmod(outside, 0o644);
    await symlink(outside, path.join(dir, 'link'));
    const lines: string[] = [];

    makeFolderPrivate(dir, (line) => lines.push(line));
    expect(await permissions(dir)).toBe(0o700);
    await makeContentsPrivate(dir, (line) => lines.push(line));

    for (const file of files) expect(await permissions(file)).toBe(0o600);
    for (const folder of ['catalog', 'catalog/us-east-1', 'catalog/us-east-1/schemas', 'exports']) {
      expect(await permissions(path.join(dir, folder))).toBe(0o700);
    }
    expect(await permissions(outside)).toBe(0o644);
    expect(lines).toEqual([]);
  });
});
