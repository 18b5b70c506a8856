import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFileTarget } from '../core/export';
import { fileDestination, fileProblem, isClosedPipe, stdoutDestination } from './destination';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cloudshelf-destination-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('destinations', () => {
  it('writes a file that appears only on commit, and disappears on discard', async () => {
    const kept = fileDestination(await openFileTarget(join(dir, 'kept.csv')));
    kept.stream.end('a,b\r\n');
    await kept.commit();
    expect(await readFile(join(dir, 'kept.csv'), 'utf8')).toBe('a,b\r\n');

    const dropped = fileDestination(await openFileTarget(join(dir, 'dropped.csv')));
    dropped.stream.write('half');
    await dropped.discard();
    expect(await readdir(dir)).toEqual(['kept.csv']);
  });

  it('passes stdout through; there is nothing to keep or drop', async () => {
    const stdout = new PassThrough();
    const destination = stdoutDestination(stdout);
    expect(destination.stream).toBe(stdout);
    await expect(destination.commit()).resolves.toBeUndefined();
    await expect(destination.discard()).resolves.toBeUndefined();
  });
});

describe('failures', () => {
  it('tells a closed pipe from other errors', () => {
    expect(isClosedPipe(Object.assign(new Error('EPIPE'), { code: 'EPIPE' }))).toBe(true);
    expect(isClosedPipe(new Error('other'))).toBe(false);
    expect(isClosedPipe(null)).toBe(false);
  });

  it('words the usual file problems without the temporary file name', () => {
    const error = (code: string) => Object.assign(new Error(`${code}: .x.partial`), { code });
    expect(fileProblem(error('ENOENT'), '/no/such/x.csv')).toBe(
      'the folder /no/such does not exist',
    );
    expect(fileProblem(error('EACCES'), '/x.csv')).toBe('permission denied');
    expect(fileProblem(error('ENOSPC'), '/x.csv')).toBe('the disk is full');
    expect(fileProblem(error('EWHATEVER'), '/x.csv')).toBeUndefined();
    expect(fileProblem(new Error('no code'), '/x.csv')).toBeUndefined();
  });
});
