import { ListResourcesCommand } from '@aws-sdk/client-cloudcontrol';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CloudshelfError, type MfaPrompt } from '../../../shared/contract';
import { accountIdFor } from '../../sandbox/account';
import type { RunningSandbox } from '../../sandbox/index';
import { startTestSandbox } from '../../sandbox/test-support/sandbox';
import { EventBus } from '../events';
import { SANDBOX_PROFILE } from '../profiles/list';
import { SANDBOX_ACCESS_KEY_ID } from './credentials';
import {
  createSessionProvider,
  type ProfileSessions,
  type SessionProviderOptions,
} from './session-provider';
import {
  mfaRoleAccount,
  mfaSerial,
  roleAccount,
  secrets,
  webRoleAccount,
  writeAwsFixture,
  type AwsFixture,
} from './test-support/aws-fixture';

// The real SDK (credential providers, STS, Cloud Control) over real HTTP against the sandbox.

let sandbox: RunningSandbox;
let fixture: AwsFixture;
const providers: ProfileSessions[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: true });
  fixture = await writeAwsFixture(sandbox.endpoint);
  // The SSO token cache lives under HOME (~/.aws/sso/cache), as the SDK reads it.
  vi.stubEnv('HOME', join(fixture.dir, 'home'));
});

afterEach(() => {
  sandbox.faults.reset();
});

afterAll(async () => {
  for (const provider of providers) provider.close();
  vi.unstubAllEnvs();
  await sandbox.close();
  await fixture.remove();
});

function provider(extra: Partial<SessionProviderOptions> = {}) {
  const bus = new EventBus();
  const prompts: MfaPrompt[] = [];
  bus.on('profiles.mfaRequested', (prompt) => prompts.push(prompt));
  let sandboxStarts = 0;
  const sessions = createSessionProvider({
    env: fixture.env,
    bus,
    sandbox: () => {
      sandboxStarts++;
      return Promise.resolve({ endpoint: sandbox.endpoint });
    },
    retry: { maxAttempts: 6 },
    ...extra,
  });
  providers.push(sessions);
  return { sessions, bus, prompts, sandboxStarts: () => sandboxStarts };
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

describe('account()', () => {
  it('static keys + endpoint_url: the sandbox account of the key, via STS', async () => {
    const { sessions } = provider();
    expect(await sessions.account('static')).toBe(accountIdFor(secrets.staticKeyId));
    expect((await sessions.identity('static')).arn).toBe(
      `arn:aws:iam::${accountIdFor(secrets.staticKeyId)}:user/sandbox`,
    );
  });

  it('services section: STS and Cloud Control both go to the configured endpoint', async () => {
    const { sessions } = provider();
    expect(await sessions.account('services')).toBe(accountIdFor(secrets.servicesKeyId));
    const { cloudControl } = await sessions.clients('services', 'us-east-1');
    const page = await cloudControl.send(
      new ListResourcesCommand({ TypeName: 'AWS::SageMaker::Image' }),
    );
    expect(page.ResourceDescriptions?.length).toBeGreaterThan(0);
  });

  it('credential_process: the credentials the command prints', async () => {
    const { sessions } = provider();
    expect(await sessions.account('process')).toBe(accountIdFor(secrets.processKeyId));
  });

  it('assume-role with source_profile: the role account, also for Cloud Control', async () => {
    const { sessions } = provider();
    const identity = await sessions.identity('role');
    expect(identity.account).toBe(roleAccount);
    expect(identity.arn).toMatch(new RegExp(`^arn:aws:sts::${roleAccount}:assumed-role/Admin/`));
    const { cloudControl } = await sessions.clients('role', 'us-east-1');
    const page = await cloudControl.send(
      new ListResourcesCommand({ TypeName: 'AWS::SageMaker::Image' }),
    );
    const arn = JSON.parse(page.ResourceDescriptions?.[0]?.Properties ?? '{}') as {
      ImageArn?: string;
    };
    expect(arn.ImageArn).toContain(`:${roleAccount}:`);
  });

  it('web identity: the role account', async () => {
    const { sessions } = provider();
    expect(await sessions.account('web')).toBe(webRoleAccount);
  });

  it('the built-in Sandbox: its fixed key against the in-process sandbox', async () => {
    const { sessions, sandboxStarts } = provider();
    expect(await sessions.account(SANDBOX_PROFILE)).toBe(accountIdFor(SANDBOX_ACCESS_KEY_ID));
    expect(sandboxStarts()).toBe(1);
  });

  it('caches the identity, and forgets it when the AWS files change', async () => {
    const { sessions, bus, sandboxStarts } = provider();
    await sessions.account(SANDBOX_PROFILE);
    await sessions.account(SANDBOX_PROFILE);
    expect(sandboxStarts()).toBe(1);
    bus.emit('profiles.changed', { profiles: [], selected: SANDBOX_PROFILE, problems: [] });
    await sessions.account(SANDBOX_PROFILE);
    expect(sandboxStarts()).toBe(2);
  });
});

describe('MFA', () => {
  it('asks the UI once, and the answer completes the call', async () => {
    const { sessions, prompts } = provider();
    const pending = Promise.all(
      ['us-east-1', 'eu-west-1', 'us-west-2'].map(async (region) => {
        const { cloudControl } = await sessions.clients('role-mfa', region);
        return cloudControl.send(new ListResourcesCommand({ TypeName: 'AWS::SageMaker::Image' }));
      }),
    );
    await vi.waitFor(() => {
      expect(prompts).toHaveLength(1);
    });
    expect(prompts[0]).toMatchObject({ profile: 'role-mfa', serialNumber: mfaSerial });
    expect(sessions.answerMfa(prompts[0]?.promptId ?? '', '123456')).toBe(true);
    await pending;
    expect(await sessions.account('role-mfa')).toBe(mfaRoleAccount);
    expect(prompts).toHaveLength(1);
  });

  it('a wrong code fails clearly, and the next call asks again', async () => {
    const { sessions, prompts } = provider();
    const first = sessions.account('role-mfa');
    await vi.waitFor(() => {
      expect(prompts).toHaveLength(1);
    });
    sessions.answerMfa(prompts[0]?.promptId ?? '', '000000');
    const error = await failureOf(first);
    expect(error.code).toBe('Unauthorized');
    expect(error.message).toBe('AWS did not accept the MFA code for profile role-mfa.');
    expect(error.hint).toContain(mfaSerial);

    const second = sessions.account('role-mfa');
    await vi.waitFor(() => {
      expect(prompts).toHaveLength(2);
    });
    sessions.answerMfa(prompts[1]?.promptId ?? '', '654321');
    expect(await second).toBe(mfaRoleAccount);
  });

  it('no answer times out with what to do', async () => {
    const { sessions, prompts } = provider({ mfaTimeoutMs: 50 });
    const error = await failureOf(sessions.account('role-mfa'));
    expect(prompts).toHaveLength(1);
    expect(error).toMatchObject({
      code: 'Unauthorized',
      message: 'No MFA code was entered for profile role-mfa.',
    });
    expect(error.hint).toMatch(/6-digit code/);
    expect(sessions.answerMfa(prompts[0]?.promptId ?? '', '123456')).toBe(false);
  });
});

describe('credential failures say what to do', () => {
  it.each(['sso-missing', 'sso-expired', 'sso-legacy'])(
    '%s: the SSO session expired; run aws sso login',
    async (profile) => {
      const { sessions } = provider();
      const error = await failureOf(sessions.account(profile));
      expect(error.code).toBe('Unauthorized');
      expect(error.message).toContain('SSO session');
      expect(error.message).toContain('expired');
      expect(error.hint).toBe(`Run "aws sso login --profile ${profile}", then try again.`);
    },
  );

  it('a failing credential_process is named without echoing its output or command line', async () => {
    const { sessions } = provider();
    const error = await failureOf(sessions.account('process-broken'));
    expect(error.message).toBe('The credential_process command of profile process-broken failed.');
    expect(error.hint).toContain(fixture.env.AWS_CONFIG_FILE);
    const text = JSON.stringify(error.toPayload());
    expect(text).not.toContain(secrets.processStderr);
    expect(text).not.toContain(secrets.processSecret);
  });

  it('a profile without keys names the credentials file to fix', async () => {
    const { sessions } = provider();
    const error = await failureOf(sessions.account('nokeys'));
    expect(error.code).toBe('Unauthorized');
    expect(error.message).toBe('Profile nokeys has no credentials Cloudshelf can use.');
    expect(error.hint).toContain(fixture.env.AWS_SHARED_CREDENTIALS_FILE);
  });

  it('an unknown profile is NotFound', async () => {
    const { sessions } = provider();
    expect((await failureOf(sessions.clients('nope', 'us-east-1'))).code).toBe('NotFound');
  });

  it('an endpoint that is down is Unavailable and names the endpoint', async () => {
    const { sessions } = provider({
      env: { ...fixture.env, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' },
    });
    const error = await failureOf(sessions.account('static'));
    expect(error.code).toBe('Unavailable');
    expect(error.hint).toContain('http://127.0.0.1:9');
  });
});

describe('clients()', () => {
  it('are created once per (profile, region)', async () => {
    const { sessions } = provider();
    const a = await sessions.clients('static', 'eu-west-1');
    expect(await sessions.clients('static', 'eu-west-1')).toBe(a);
    expect(await sessions.clients('static', 'us-east-1')).not.toBe(a);
    await expect(sessions.clients('static', 'not a region')).rejects.toMatchObject({
      code: 'InvalidArguments',
    });
  });

  it('retry throttling with backoff, so it never reaches the caller', async () => {
    const { sessions } = provider();
    const { cloudControl } = await sessions.clients(SANDBOX_PROFILE, 'us-east-1');
    sandbox.faults.set({ throttleRate: 0.3 });
    const pages = await Promise.all(
      Array.from({ length: 6 }, () =>
        cloudControl.send(new ListResourcesCommand({ TypeName: 'AWS::SageMaker::Image' })),
      ),
    );
    expect(pages.every((page) => (page.ResourceDescriptions?.length ?? 0) > 0)).toBe(true);
    const retried = pages.reduce((sum, page) => sum + (page.$metadata.attempts ?? 1) - 1, 0);
    expect(retried).toBeGreaterThan(0);
  });
});
