import { chmod, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileTarget, partialPath } from './file-target';
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
    expect(path.basename(a)).toMatch(/^\.inventory\.csv\.[0-9a-f]{12}\.partial$/);
    expect(partialPath('/data/out/inventory.csv')).not.toBe(a);
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
