// Shared by the command's tests: a throwaway home for AWS files and Cloudshelf's data, and
// runCli with captured streams. Never reads the developer's ~/.aws.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { CliIo } from './io';
import { runCli } from './run';

export interface TestHome {
  dir: string;
  env: NodeJS.ProcessEnv;
  remove(): Promise<void>;
}

/** Empty AWS files (unless `config` is given) and a data folder, all in a temp dir. */
export async function makeHome(options: { sandboxEndpoint?: string; config?: string } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'cloudshelf-cli-'));
  const config = join(dir, 'config');
  await writeFile(config, options.config ?? '');
  const env: NodeJS.ProcessEnv = {
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    CLOUDSHELF_DATA_DIR: join(dir, 'data'),
    ...(options.sandboxEndpoint ? { CLOUDSHELF_SANDBOX_ENDPOINT: options.sandboxEndpoint } : {}),
  };
  const home: TestHome = {
    dir,
    env,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
  return home;
}

/** A stream that keeps what is written, optionally pretending to be a terminal. */
export class Capture extends Writable {
  readonly chunks: string[] = [];
  readonly isTTY: boolean;
  readonly columns = 200;

  constructor(isTTY = false) {
    super();
    this.isTTY = isTTY;
  }

  override _write(chunk: Buffer, _encoding: string, done: (error?: Error | null) => void): void {
    this.chunks.push(chunk.toString('utf8'));
    done();
  }

  get text(): string {
    return this.chunks.join('');
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** runCli in-process with captured stdout and stderr. */
export async function run(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  options: { stdoutTTY?: boolean; stderrTTY?: boolean; io?: Partial<CliIo> } = {},
): Promise<CliRun> {
  const stdout = new Capture(options.stdoutTTY);
  const stderr = new Capture(options.stderrTTY);
  const code = await runCli(argv, { stdout, stderr, env, version: '9.9.9', ...options.io });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
