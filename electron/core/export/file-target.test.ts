import { execFile, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openFileTarget, partialPath, resolveFileTarget } from './file-target';
import { inventoryRow } from './test-support/streams';
import { createExportWriter } from './writer';

const folder = (): Promise<string> => mkdtemp(path.join(tmpdir(), 'cloudshelf-export-'));

const write = (stream: NodeJS.WritableStream, text: string): Promise<void> =>
  new Promise((resolve, reject) => {
    stream.write(text, (error) => {
      if (error) reject(error);
      else resolve();
    });
  });

describe('partialPath', () => {
  it('is a hidden, unfinished-looking name in the same folder, new each time', () => {
    const a = partialPath('/data/out/inventory.csv');
    expect(path.dirname(a)).toBe('/data/out');
    // Whose it is (process id and a tag of the host), so a later export can tell a dead one.
    expect(path.basename(a)).toMatch(
      new RegExp(`^\\.inventory\\.csv\\.${process.pid}\\.[0-9a-f]{8}\\.[0-9a-f]{12}\\.partial$`),
    );
    expect(partialPath('/data/out/inventory.csv')).not.toBe(a);
  });
});

/** A process id that was just in use and is no longer: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  if (child.pid === undefined) throw new Error('no child pid');
  return child.pid;
}

const mkfifo = (file: string): void => {
  execFileSync('mkfifo', [file]);
};

describe('what is at the path', () => {
  it('replaces a regular file or nothing, streams into a FIFO or a character device', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'old.csv'), 'old');
    mkfifo(path.join(dir, 'pipe'));
    expect(await resolveFileTarget(path.join(dir, 'old.csv'))).toEqual({
      kind: 'replace',
      path: path.join(dir, 'old.csv'),
    });
    expect(await resolveFileTarget(path.join(dir, 'new.csv'))).toEqual({
      kind: 'replace',
      path: path.join(dir, 'new.csv'),
    });
    expect(await resolveFileTarget(path.join(dir, 'pipe'))).toEqual({
      kind: 'stream',
      path: path.join(dir, 'pipe'),
    });
    // Only looked at, never written: the check touches nothing.
    expect(await resolveFileTarget('/dev/null')).toEqual({ kind: 'stream', path: '/dev/null' });
    expect((await readdir(dir)).sort()).toEqual(['old.csv', 'pipe']);
  });

  it.each([
    ['a folder', (dir: string) => Promise.resolve(dir), /EISDIR/],
    [
      'a symlink to a folder',
      async (dir: string) => {
        await symlink(dir, path.join(dir, 'link'));
        return path.join(dir, 'link');
      },
      /EISDIR/,
    ],
    [
      'a missing folder',
      (dir: string) => Promise.resolve(path.join(dir, 'missing', 'x.csv')),
      /ENOENT/,
    ],
    [
      'a file where the folder should be',
      async (dir: string) => {
        await writeFile(path.join(dir, 'file'), '');
        return path.join(dir, 'file', 'x.csv');
      },
      /ENOTDIR/,
    ],
    [
      'a socket',
      async (dir: string) => {
        const socket = path.join(dir, 'sock');
        const server = createServer();
        await new Promise<void>((resolve) => server.listen(socket, resolve));
        // Closing removes the socket file: leave the server, it is unref'd.
        server.unref();
        return socket;
      },
      /EFTYPE/,
    ],
  ])('refuses %s, creating nothing', async (_what, make, code) => {
    const dir = await folder();
    const target = await make(dir);
    const before = (await readdir(dir)).sort();
    await expect(resolveFileTarget(target)).rejects.toThrow(code);
    await expect(openFileTarget(target)).rejects.toThrow(code);
    expect((await readdir(dir)).sort()).toEqual(before);
  });
});

describe('openFileTarget on a symlink', () => {
  it('replaces the file the link points to, and the link stays a link', async () => {
    const dir = await folder();
    await mkdir(path.join(dir, 'real'));
    const real = path.join(dir, 'real', 'inventory.csv');
    await writeFile(real, 'old');
    const link = path.join(dir, 'inventory.csv');
    await symlink(path.join('real', 'inventory.csv'), link);

    const target = await openFileTarget(link);
    await write(target.stream, 'new');
    // The temporary file sits beside the real one, so the rename stays on its file system.
    expect((await readdir(path.join(dir, 'real'))).length).toBe(2);
    await target.commit();

    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(path.join('real', 'inventory.csv'));
    expect(await readFile(real, 'utf8')).toBe('new');
    expect(await readdir(path.join(dir, 'real'))).toEqual(['inventory.csv']);
  });

  it('creates the file a dangling link points to', async () => {
    const dir = await folder();
    const link = path.join(dir, 'latest.json');
    await symlink('2026-01-01.json', link);
    const target = await openFileTarget(link);
    await write(target.stream, '[]');
    await target.commit();
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(path.join(dir, '2026-01-01.json'), 'utf8')).toBe('[]');
  });
});

describe('openFileTarget on a FIFO', () => {
  it('writes straight into it, with no temporary file, and it stays a FIFO', async () => {
    const dir = await folder();
    const fifo = path.join(dir, 'rows');
    mkfifo(fifo);
    // The reader is another process, as in `cloudshelf export --out rows & cat rows`.
    const reader = promisify(execFile)('cat', [fifo], { encoding: 'utf8' });
    try {
      const target = await openFileTarget(fifo);
      await write(target.stream, 'a,b\r\n');
      expect(await readdir(dir)).toEqual(['rows']);
      await target.commit();
      expect((await reader).stdout).toBe('a,b\r\n');
      expect((await lstat(fifo)).isFIFO()).toBe(true);
      expect(await readdir(dir)).toEqual(['rows']);
    } finally {
      // A reader still waiting for a writer would outlive the test.
      reader.child.kill();
      await reader.catch(() => undefined);
    }
  });
});

describe('partial files left behind', () => {
  it("removes this target's partial files whose process is gone, and nothing else", async () => {
    const dir = await folder();
    const file = path.join(dir, 'inventory.csv');
    await writeFile(file, 'old');
    const dead = partialPath(file, await deadPid());
    // A live export of this target (this very process), another target's dead one, and a
    // name that is not quite ours: all kept.
    const live = partialPath(file, process.pid);
    const otherTarget = partialPath(path.join(dir, 'inventory.csv.bak'), await deadPid());
    const unlike = path.join(dir, '.inventory.csv.partial');
    for (const name of [dead, live, otherTarget, unlike]) await writeFile(name, 'half');

    const target = await openFileTarget(file);
    const during = await readdir(dir);
    expect(during).not.toContain(path.basename(dead));
    for (const kept of [live, otherTarget, unlike]) expect(during).toContain(path.basename(kept));
    await target.discard();
    expect(await readFile(file, 'utf8')).toBe('old');
  });
});

describe('openFileTarget', () => {
  it('replaces an existing file only at commit, leaving no temporary file', async () => {
    const dir = await folder();
    const file = path.join(dir, 'inventory.csv');
    await writeFile(file, 'old');
    const target = await openFileTarget(file);
    expect(target.path).toBe(file);

    const writer = createExportWriter(
      {
        format: 'csv',
        columns: [{ id: 'N', header: 'N', kind: 'text', source: { property: 'N' } }],
        options: { bom: false, neutralizeFormulas: true },
      },
      target.stream,
    );
    await writer.write([inventoryRow('a', { N: 'new' })]);
    const entries = await readdir(dir);
    expect(entries).toHaveLength(2);
    expect(entries.find((e) => e.endsWith('.partial'))).toMatch(/^\.inventory\.csv\./);
    expect(await readFile(file, 'utf8')).toBe('old');

    // Ended and flushed, but still not in place.
    await writer.end();
    expect(await readFile(file, 'utf8')).toBe('old');

    await target.commit();
    expect(await readFile(file, 'utf8')).toBe('N\r\nnew\r\n');
    expect(await readdir(dir)).toEqual(['inventory.csv']);
  });

  it('creates the file when there was none, ending the stream itself if need be', async () => {
    const dir = await folder();
    const file = path.join(dir, 'new.jsonl');
    const target = await openFileTarget(file);
    await write(target.stream, '{}\n');
    await target.commit();
    expect(await readFile(file, 'utf8')).toBe('{}\n');
    expect(await readdir(dir)).toEqual(['new.jsonl']);
    // Committing twice is harmless, and a discard after the commit removes nothing.
    await target.commit();
    await target.discard();
    expect(await readdir(dir)).toEqual(['new.jsonl']);
  });

  it('on discard, keeps the old file and removes the temporary one, even twice', async () => {
    const dir = await folder();
    const file = path.join(dir, 'inventory.csv');
    await writeFile(file, 'old');
    const target = await openFileTarget(file);
    await write(target.stream, 'half an export');
    await target.discard();
    await target.discard();
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['inventory.csv']);
    expect(target.stream.destroyed).toBe(true);
    await expect(target.commit()).rejects.toThrow(/discarded/);
  });

  it('lets a discard that comes during the commit wait for it, removing nothing', async () => {
    const dir = await folder();
    const file = path.join(dir, 'x.csv');
    const target = await openFileTarget(file);
    await write(target.stream, 'all of it');
    await Promise.all([target.commit(), target.discard()]);
    expect(await readFile(file, 'utf8')).toBe('all of it');
    expect(await readdir(dir)).toEqual(['x.csv']);
  });

  it('discards after a finished, uncommitted export too', async () => {
    const dir = await folder();
    const target = await openFileTarget(path.join(dir, 'x.json'));
    target.stream.end('[]\n');
    await new Promise((resolve) => target.stream.once('close', resolve));
    await target.discard();
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails at once, creating nothing, when the folder does not exist', async () => {
    const dir = await folder();
    await expect(openFileTarget(path.join(dir, 'missing', 'x.csv'))).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const dir = await folder();
    const file = path.join(dir, 'private.csv');
    await writeFile(file, 'old');
    await chmod(file, 0o600);
    const target = await openFileTarget(file);
    await write(target.stream, 'new');
    await target.commit();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('removes the temporary file when the commit fails', async () => {
    const dir = await folder();
    const file = path.join(dir, 'taken');
    const target = await openFileTarget(file);
    // A folder that is not empty where the file should go: the rename cannot replace it.
    await mkdir(path.join(file, 'inside'), { recursive: true });
    await write(target.stream, 'data');
    await expect(target.commit()).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['taken']);
    await target.discard();
  });
});
