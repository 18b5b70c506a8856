import { chmod, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';

const permissions = async (file: string): Promise<number> => (await stat(file)).mode & 0o777;

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

  it('without a mode, gives the file the permissions a plain write would', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudshelf-atomic-'));
    const plain = path.join(dir, 'plain');
    await writeFile(plain, 'x');
    await writeFileAtomic(path.join(dir, 'atomic'), 'x');
    expect(await permissions(path.join(dir, 'atomic'))).toBe(await permissions(plain));
  });

  it('with a mode, replaces a file others could read by one only its owner can', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudshelf-atomic-'));
    const file = path.join(dir, 'secret.json');
    await writeFile(file, 'old');
    await chmod(file, 0o644);
    await writeFileAtomic(file, 'new', { mode: 0o600 });
    expect(await permissions(file)).toBe(0o600);
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['secret.json']);
  });

  it('gives exactly the mode asked for, whatever the umask', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudshelf-atomic-'));
    const file = path.join(dir, 'shared.json');
    // Vitest runs each test file in a process of its own (the forks pool), so this is ours.
    const previous = process.umask(0o077);
    try {
      await writeFileAtomic(file, 'x', { mode: 0o640 });
    } finally {
      process.umask(previous);
    }
    expect(await permissions(file)).toBe(0o640);
  });

  it('creates missing folders with the folder mode asked for', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudshelf-atomic-'));
    const file = path.join(dir, 'catalog', 'us-east-1', 'index.json');
    await writeFileAtomic(file, 'x', { mode: 0o600, folderMode: 0o700 });
    expect(await permissions(path.join(dir, 'catalog'))).toBe(0o700);
    expect(await permissions(path.dirname(file))).toBe(0o700);
    expect(await permissions(file)).toBe(0o600);
  });
});
