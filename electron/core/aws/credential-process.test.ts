import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { programName, runCommand } from './credential-process';
import { isRunning, writeHangingProcess } from './test-support/hanging-process';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cloudshelf-process-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('programName', () => {
  it('is the program alone: never its arguments, which may be secrets', () => {
    expect(programName('node /tmp/x/creds.mjs --token s3cr3t')).toBe('node');
    expect(programName('  aws-vault exec prod --json')).toBe('aws-vault');
    expect(programName('"/opt/My Tools/get-creds" --key abc')).toBe('get-creds');
    expect(programName("'/usr/local/bin/okta-creds' x")).toBe('okta-creds');
    expect(programName('C:\\Tools\\creds.exe --x y')).toBe('creds.exe');
    expect(programName('')).toBe('credential_process');
  });
});

describe('runCommand', () => {
  it('answers with what the command prints on stdout', async () => {
    const script = join(dir, 'print.mjs');
    await writeFile(script, 'console.log("hello"); console.error("not kept");\n');
    const output = await runCommand(`node ${script}`, new AbortController().signal);
    expect(output.trim()).toBe('hello');
  });

  it('fails on a non-zero exit without quoting the command or its output', async () => {
    const script = join(dir, 'fail.mjs');
    await writeFile(
      script,
      'console.log("secret-out"); console.error("secret-err"); process.exit(3);\n',
    );
    const error = await runCommand(`node ${script} --pw hush`, new AbortController().signal).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toBe('credential_process exited with code 3');
  });

  it('when aborted, kills the command and the processes it started, and fails with the reason', async () => {
    const hanging = await writeHangingProcess(dir, 'hang');
    const controller = new AbortController();
    const running = runCommand(`node ${hanging.script}`, controller.signal);
    const pids = await vi.waitFor(() => hanging.pids(), { timeout: 10_000, interval: 50 });
    expect(pids.every(isRunning)).toBe(true);
    controller.abort(new Error('stopped by the test'));
    await expect(running).rejects.toThrow('stopped by the test');
    await vi.waitFor(
      () => {
        expect(pids.filter(isRunning)).toEqual([]);
      },
      { timeout: 10_000, interval: 50 },
    );
  });
});
