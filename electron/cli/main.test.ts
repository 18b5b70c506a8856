import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../sandbox';
import { imageCounts } from '../sandbox/seed/data';
import { bundleEntry, type BundledEntry } from '../test-support/bundle-entry';
import { makeHome, run, type TestHome } from './test-helpers';

// The real entry point, bundled as the build bundles it, run as a process (signals and
// resource limits act on a process), against sandboxes served by this one.
const IMAGE = 'AWS::SageMaker::Image';
const repoRoot = path.resolve(__dirname, '../..');
let bundled: BundledEntry;
let bundle: string;
/** Slow enough that a scan of us-east-1 is still running when the test sends a signal. */
let slow: RunningSandbox;
let fast: RunningSandbox;
let home: TestHome;
let out: string;
/** Children still running when a test fails are stopped at the end. */
const children = new Set<ChildProcess>();

beforeAll(async () => {
  bundled = await bundleEntry(path.join(__dirname, 'main.ts'));
  bundle = bundled.file;
  [slow, fast] = await Promise.all([
    startSandbox({ port: 0, faults: { latencyMs: 300 } }),
    startSandbox({ port: 0 }),
  ]);
  home = await makeHome();
  out = path.join(home.dir, 'exports');
  await mkdir(out);
}, 60_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all([slow.close(), fast.close(), home.remove()]);
  await bundled.remove();
});

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * The command as a child process; `shell` runs it inside `sh -c <shell>`, as "$@" (with
 * `ulimit`, or redirections, as a user's shell would).
 */
function spawnCli(args: string[], sandbox: RunningSandbox, options: { shell?: string } = {}) {
  const command = [process.execPath, bundle, ...args];
  const [file, ...argv] =
    options.shell === undefined ? command : ['sh', '-c', options.shell, 'sh', ...command];
  const child = spawn(file ?? '', argv, {
    cwd: repoRoot,
    env: { ...home.env, CLOUDSHELF_SANDBOX_ENDPOINT: sandbox.endpoint, PATH: process.env.PATH },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

const partialsOf = async (file: string): Promise<string[]> =>
  (await readdir(path.dirname(file))).filter(
    (name) => name.startsWith(`.${path.basename(file)}.`) && name.endsWith('.partial'),
  );

/** Waits until the child has its partial file open (the scan has started), or has exited. */
async function partialAppears(file: string, exited: Promise<Exit>): Promise<string> {
  const state = { exited: false };
  void exited.then(() => {
    state.exited = true;
  });
  for (;;) {
    const [partial] = await partialsOf(file);
    if (partial !== undefined) return partial;
    if (state.exited) throw new Error('the export ended before its partial file appeared');
    await sleep(20);
  }
}

const exportArgs = (target: string, ...more: string[]) => [
  'export',
  '--sandbox',
  '--type',
  IMAGE,
  '--regions',
  'us-east-1',
  '--out',
  target,
  ...more,
];

describe('the cloudshelf process', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)(
    'on %s removes its partial file, keeps the old export and exits %i',
    async (signal, code) => {
      const target = path.join(out, `${signal}.csv`);
      await writeFile(target, 'old');
      const cli = spawnCli(exportArgs(target), slow);
      await partialAppears(target, cli.exited);
      cli.child.kill(signal);
      expect(await cli.exited).toEqual({ code, signal: null });
      expect(await partialsOf(target)).toEqual([]);
      expect(await readFile(target, 'utf8')).toBe('old');
      expect(cli.stderr()).toBe(`cloudshelf: stopped by ${signal}\n`);
    },
  );

  it('leaves a partial file when killed with SIGKILL, which the next export removes', async () => {
    const target = path.join(out, 'killed.csv');
    await writeFile(target, 'old');
    const cli = spawnCli(exportArgs(target), slow);
    const partial = await partialAppears(target, cli.exited);
    cli.child.kill('SIGKILL');
    expect(await cli.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await partialsOf(target)).toEqual([partial]);

    const next = await run(exportArgs(target), {
      ...home.env,
      CLOUDSHELF_SANDBOX_ENDPOINT: fast.endpoint,
    });
    expect(next).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await partialsOf(target)).toEqual([]);
    const lines = (await readFile(target, 'utf8')).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + imageCounts['us-east-1']);
  });

  it('says a file grown past the size limit in words, keeping the old export', async () => {
    const target = path.join(out, 'big.json');
    await writeFile(target, 'old');
    // 8 blocks (4 or 8 KiB, as the shell counts them): 60 images in JSON are far more.
    const cli = spawnCli(exportArgs(target), fast, { shell: 'ulimit -f 8 && exec "$@"' });
    expect(await cli.exited).toEqual({ code: 1, signal: null });
    expect(cli.stderr()).toBe(
      `cloudshelf: could not write ${target}: the file grew past the largest size allowed (the file system's, or the process's limit: ulimit -f)\n`,
    );
    expect(await partialsOf(target)).toEqual([]);
    expect(await readFile(target, 'utf8')).toBe('old');
  });

  it("writes into a pipe named /dev/fd/N, as a shell's >(…) gives", async () => {
    // fd 3 is a pipe to `cat`, whose output is the test's; the command's own stdout is dropped.
    const cli = spawnCli(
      ['export', '--sandbox', '--type', IMAGE, '--regions', 'eu-west-1', '--out', '/dev/fd/3'],
      fast,
      { shell: '{ "$@" 3>&1 1>/dev/null; echo "exit $?" >&2; } | cat' },
    );
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.stderr()).toBe('exit 0\n');
    const lines = cli.stdout().trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + imageCounts['eu-west-1']);
    expect(lines[0]).toMatch(/^Region,Identifier,/);
  });
});
