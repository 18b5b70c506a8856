import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';

describe('writeFileAtomic', () => {
  it('creates directories, replaces content and leaves no temporary file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudshelf-atomic-'));
    const file = path.join(dir, 'a', 'b.json');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(await readFile(file, 'utf8')).toBe('two');
    expect(await readdir(path.dirname(file))).toEqual(['b.json']);
  });

  it('fails without leaving debris when the target cannot be written', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudshelf-atomic-'));
    await writeFileAtomic(path.join(dir, 'x', 'file'), 'content');
    // `x/file` is a file, so `x/file/y` cannot be created.
    await expect(writeFileAtomic(path.join(dir, 'x', 'file', 'y'), 'z')).rejects.toThrow();
    expect(await readdir(path.join(dir, 'x'))).toEqual(['file']);
  });
});
