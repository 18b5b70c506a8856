import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListResourcesCommand } from '@aws-sdk/client-cloudcontrol';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CloudshelfError, type EventPayload } from '../../../shared/contract';
import type { RunningSandbox } from '../../sandbox/index';
import { startTestSandbox } from '../../sandbox/test-support/sandbox';
import { EventBus } from '../events';
import type { ProfileEnv } from '../profiles/env';
import { createSessionProvider, type SessionProviderOptions } from './session-provider';
import { isRunning, writeHangingProcess } from './test-support/hanging-process';

// A credential_process that never exits, run for real, with the real SDK against the sandbox
// over HTTP: the UI is told, Cancel (or the timeout) kills it, and other profiles go on.

const secretArgument = 'hush-credential-arg-7731';
let sandbox: RunningSandbox;
let dir: string;
let env: ProfileEnv;
let pidsOf: () => Promise<number[]>;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: true });
  dir = await mkdtemp(join(tmpdir(), 'cloudshelf-hang-'));
  const hanging = await writeHangingProcess(dir, 'hang');
  pidsOf = hanging.pids;
  env = {
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
  };
  await writeFile(
    env.AWS_CONFIG_FILE ?? '',
    [
      '[profile hang]',
      `credential_process = node ${hanging.script} --token ${secretArgument}`,
      `endpoint_url = ${sandbox.endpoint}`,
      '[profile static]',
      `endpoint_url = ${sandbox.endpoint}`,
    ].join('\n'),
  );
  await writeFile(
    env.AWS_SHARED_CREDENTIALS_FILE ?? '',
    ['[static]', 'aws_access_key_id = AKIDHANGSTATIC', 'aws_secret_access_key = s'].join('\n'),
  );
});

afterAll(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

function provider(extra: Partial<SessionProviderOptions> = {}) {
  const bus = new EventBus();
  const runs: EventPayload<'profiles.credentialProcess'>[] = [];
  bus.on('profiles.credentialProcess', (run) => runs.push(run));
  const sessions = createSessionProvider({
    env,
    bus,
    sandbox: () => Promise.resolve({ endpoint: sandbox.endpoint }),
    retry: { maxAttempts: 1 },
    ...extra,
  });
  return { sessions, runs };
}

async function failureOf(promise: Promise<unknown>): Promise<CloudshelfError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CloudshelfError))
    throw new Error(`expected a CloudshelfError, got ${String(error)}`);
  return error;
}

const waitFor = <T>(check: () => T | Promise<T>) =>
  vi.waitFor(check, { timeout: 10_000, interval: 50 });

describe('a credential_process that never exits', () => {
  it('is announced with its program name only; other profiles keep working; Cancel kills it and fails its calls', async () => {
    const { sessions, runs } = provider();
    try {
      const pending = Promise.all(
        ['us-east-1', 'eu-west-1'].map(async (region) => {
          const { cloudControl } = await sessions.clients('hang', region);
          return cloudControl.send(new ListResourcesCommand({ TypeName: 'AWS::SageMaker::Image' }));
        }),
      );
      const failed = failureOf(pending);
      await waitFor(() => {
        expect(runs).toHaveLength(1);
      });
      expect(runs[0]).toMatchObject({ profile: 'hang', program: 'node', state: 'running' });
      expect(JSON.stringify(runs)).not.toContain(secretArgument);
      const pids = await waitFor(() => pidsOf());

      // Another profile is not held up by the one that hangs.
      expect(await sessions.account('static')).toMatch(/^\d{12}$/);

      expect(sessions.cancelCredentialProcess('hang')).toBe(true);
      const error = await failed;
      expect(error.message).toBe(
        'The credential_process command (node) of profile hang was cancelled.',
      );
      expect(error.hint).toContain(env.AWS_CONFIG_FILE);
      expect(JSON.stringify(error.toPayload())).not.toContain(secretArgument);
      await waitFor(() => {
        expect(pids.filter(isRunning)).toEqual([]);
      });
      expect(runs.map((run) => run.state)).toEqual(['running', 'ended']);
      expect(runs[1]?.runId).toBe(runs[0]?.runId);
      expect(sessions.cancelCredentialProcess('hang')).toBe(false);
    } finally {
      sessions.close();
    }
  });

  it('is stopped after the credential timeout, with what to do', async () => {
    const { sessions, runs } = provider({ credentialTimeoutMs: 300 });
    try {
      const error = await failureOf(sessions.account('hang'));
      expect(error.message).toBe(
        'The credential_process command (node) of profile hang did not finish within 0.3 s, so Cloudshelf stopped it.',
      );
      expect(error.hint).toContain('--credential-timeout');
      const pids = await pidsOf();
      await waitFor(() => {
        expect(pids.filter(isRunning)).toEqual([]);
      });
      expect(runs.map((run) => run.state)).toEqual(['running', 'ended']);
    } finally {
      sessions.close();
    }
  });
});
