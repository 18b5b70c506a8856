import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry, type BundledEntry } from '../test-support/bundle-entry';
import { rawRequest } from '../test-support/raw-http';
import { cloudControlHeaders } from './test-support/signed-headers';

// The real entry point, bundled as the build bundles it, run as a process.
let bundled: BundledEntry;
let bundle: string;
const repoRoot = path.resolve(__dirname, '../..');

beforeAll(async () => {
  bundled = await bundleEntry(path.join(__dirname, 'main.ts'));
  bundle = bundled.file;
});
afterAll(async () => {
  await bundled.remove();
});

function run(args: string[]) {
  const child = spawn(process.execPath, [bundle, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      resolve(code);
    }),
  );
  const endpoint = new Promise<number>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /^Sandbox endpoint: http:\/\/127\.0\.0\.1:(\d+)\n$/.exec(stdout);
      if (match) resolve(Number(match[1]));
    });
    void exited.then(() => {
      reject(new Error(`exited early: ${stderr}`));
    });
  });
  // Only the tests that wait for the endpoint care that it never came.
  endpoint.catch(() => undefined);
  return { child, exited, endpoint, output: () => ({ stdout, stderr }) };
}

describe('electron/sandbox/main.ts as a process', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'prints the endpoint, answers, and stops cleanly on %s',
    async (signal) => {
      const proc = run(['--port', '0', '--no-seed', '--delay', '10']);
      const port = await proc.endpoint;
      const res = await rawRequest({
        port,
        method: 'POST',
        headers: cloudControlHeaders('ListResources'),
        body: '{"TypeName":"AWS::SageMaker::Image"}',
      });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({
        TypeName: 'AWS::SageMaker::Image',
        ResourceDescriptions: [],
      });
      proc.child.kill(signal);
      expect(await proc.exited).toBe(0);
      expect(proc.output().stdout).toBe(`Sandbox endpoint: http://127.0.0.1:${port}\n`);
    },
  );

  it('exits 2 with one line on a bad flag', async () => {
    const proc = run(['--bogus']);
    expect(await proc.exited).toBe(2);
    expect(proc.output()).toEqual({
      stdout: '',
      stderr: 'cloudshelf-sandbox: unknown argument "--bogus" (see --help)\n',
    });
  });
});
