import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFileTarget } from '../core/export';
import { startSandbox, type RunningSandbox } from '../sandbox';
import { imageCounts } from '../sandbox/seed/data';
import { fileDestination, fileProblem, isClosedPipe, stdoutDestination } from './destination';
import { makeHome, run, type TestHome } from './test-helpers';

const IMAGE = 'AWS::SageMaker::Image';
let dir: string;
let sandbox: RunningSandbox;
let home: TestHome;
/** Every request the sandbox answered (STS and Cloud Control alike). */
const requests: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cloudshelf-destination-'));
  sandbox = await startSandbox({ port: 0, log: (line) => requests.push(line) });
  home = await makeHome({ sandboxEndpoint: sandbox.endpoint });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await sandbox.close();
  await home.remove();
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

describe('cloudshelf export --out', () => {
  const exportTo = (out: string, ...more: string[]) =>
    run(['export', '--sandbox', '--type', IMAGE, '--regions', 'eu-west-1', '--out', out, ...more], {
      ...home.env,
    });

  it.each([
    ['a folder', () => home.dir, (out: string) => `cannot write ${out}: it is a folder`],
    [
      'a missing folder',
      () => join(home.dir, 'missing', 'images.csv'),
      () =>
        `cannot write ${join(home.dir, 'missing', 'images.csv')}: the folder ${join(home.dir, 'missing')} does not exist`,
    ],
    [
      'a file where the folder should be',
      () => join(home.dir, 'config', 'images.csv'),
      () =>
        `cannot write ${join(home.dir, 'config', 'images.csv')}: ${join(home.dir, 'config')} is not a folder`,
    ],
  ])('refuses %s in one line, before any AWS call', async (_what, outOf, message) => {
    const out = outOf();
    const before = requests.length;
    const result = await exportTo(out);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `cloudshelf: ${message(out)}\n` });
    expect(requests.slice(before)).toEqual([]);
  });

  it('refuses a --format its extension contradicts, before any AWS call', async () => {
    const before = requests.length;
    const result = await exportTo(join(dir, 'y.json'), '--format', 'csv');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--format csv does not match --out');
    expect(requests.slice(before)).toEqual([]);
    expect(await readdir(dir)).not.toContain('y.json');
  });

  it('writes /dev/stdout as stdout itself', async () => {
    const result = await exportTo('/dev/stdout');
    expect(result.code).toBe(0);
    expect(parseCsvRows(result.stdout)).toHaveLength(imageCounts['eu-west-1']);
  });

  it('says a full disk in words (/dev/full)', async () => {
    // Guard first: what is at /dev/full is streamed into, never replaced.
    const { resolveFileTarget } = await import('../core/export/file-target');
    expect((await resolveFileTarget('/dev/full')).kind).toBe('stream');
    const result = await exportTo('/dev/full');
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'cloudshelf: could not write /dev/full: the disk is full\n',
    });
  });

  it("writes a new file in an existing folder, in its extension's format", async () => {
    await mkdir(join(dir, 'sub'), { recursive: true });
    const out = join(dir, 'sub', 'images.jsonl');
    const result = await exportTo(out);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await readFile(out, 'utf8')).trimEnd().split('\n')).toHaveLength(
      imageCounts['eu-west-1'],
    );
  });
});

function parseCsvRows(text: string): string[][] {
  const [, ...rows]: string[][] = parse(text);
  return rows;
}
