import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isRunning, writeHangingProcess } from '../core/aws/test-support/hanging-process';
import { startSandbox, type RunningSandbox } from '../sandbox';
import { makeHome, run, type TestHome } from './test-helpers';

// The command with profiles it must not or cannot use: one line on stderr, exit 1, no rows.

const IMAGE = 'AWS::SageMaker::Image';
let sandbox: RunningSandbox;
let home: TestHome;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  home = await makeHome();
});

afterAll(async () => {
  await sandbox.close();
  await home.remove();
});

describe('cloudshelf export with a profile a malformed line changes', () => {
  it.each([
    [
      'config',
      ['[profile good]', 'region = us-east-1', '[profile broken', 'region = us-west-2'],
      ['[good]', 'aws_access_key_id = AKIDCLIGOOD', 'aws_secret_access_key = s'],
    ],
    [
      'credentials',
      ['[profile good]', 'region = us-east-1'],
      ['[good]', 'aws_access_key_id = AKIDCLIGOOD', 'aws_secret_access_key = s', 'stray words'],
    ],
  ] as const)(
    '%s file: exits 1 with one line naming the file and line',
    async (kind, config, credentials) => {
      await writeFile(
        home.env.AWS_CONFIG_FILE ?? '',
        [...config, `endpoint_url = ${sandbox.endpoint}`].join('\n'),
      );
      await writeFile(home.env.AWS_SHARED_CREDENTIALS_FILE ?? '', credentials.join('\n'));
      const file =
        kind === 'config' ? home.env.AWS_CONFIG_FILE : home.env.AWS_SHARED_CREDENTIALS_FILE;
      const line = kind === 'config' ? 3 : 4;
      const result = await run(['export', '--profile', 'good', '--type', IMAGE], home.env);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        new RegExp(
          `^cloudshelf: Profile good cannot be used until line ${String(line)} of ${file ?? ''} is fixed\\. [^\\n]+\\n$`,
        ),
      );
    },
  );
});

describe('cloudshelf export with a credential_process that never exits', () => {
  it('gives up after --credential-timeout with one line and exit 1, and leaves no process behind', async () => {
    const hanging = await writeHangingProcess(home.dir, 'cli-hang');
    await writeFile(
      home.env.AWS_CONFIG_FILE ?? '',
      [
        '[profile slow]',
        'region = us-east-1',
        `credential_process = node ${hanging.script} --password do-not-show-4417`,
        `endpoint_url = ${sandbox.endpoint}`,
      ].join('\n'),
    );
    await writeFile(home.env.AWS_SHARED_CREDENTIALS_FILE ?? '', '');
    const result = await run(
      ['export', '--profile', 'slow', '--type', IMAGE, '--credential-timeout', '0.5'],
      home.env,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^cloudshelf: The credential_process command \(node\) of profile slow did not finish within 0\.5 s, so Cloudshelf stopped it\. [^\n]+\n$/,
    );
    expect(result.stderr).not.toContain('do-not-show-4417');
    const pids = await hanging.pids();
    await vi.waitFor(
      () => {
        expect(pids.filter(isRunning)).toEqual([]);
      },
      { timeout: 10_000, interval: 50 },
    );
  });
});
