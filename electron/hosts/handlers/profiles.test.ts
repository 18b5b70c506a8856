import { ListResourcesCommand } from '@aws-sdk/client-cloudcontrol';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventNames, type CallOutcome, type MfaPrompt } from '../../../shared/contract';
import { SANDBOX_ACCESS_KEY_ID } from '../../core/aws/credentials';
import { createSessionProvider, type ProfileSessions } from '../../core/aws/session-provider';
import {
  issuedSecretPattern,
  mfaRoleAccount,
  secrets,
  writeAwsFixture,
  type AwsFixture,
} from '../../core/aws/test-support/aws-fixture';
import { EventBus } from '../../core/events';
import { SANDBOX_PROFILE } from '../../core/profiles/list';
import type { RunningSandbox } from '../../sandbox/index';
import { startTestSandbox } from '../../sandbox/test-support/sandbox';
import { dispatch, type HandlerTable } from '../dispatch';
import { createHandlers } from '../handlers';
import { createProfileHandlers } from './profiles';

const context = { host: 'browser' } as const;

let sandbox: RunningSandbox;
let fixture: AwsFixture;
let sessions: ProfileSessions;
let handlers: HandlerTable;
const bus = new EventBus();
/** Everything that leaves the credential code: log lines, events, handler answers, console. */
const captured: string[] = [];
const capture = (line: string): void => {
  captured.push(line);
};

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      capture(args.map(String).join(' '));
    });
  }
  sandbox = await startTestSandbox({ seed: true, log: capture });
  fixture = await writeAwsFixture(sandbox.endpoint);
  vi.stubEnv('HOME', join(fixture.dir, 'home'));
  for (const event of eventNames) {
    bus.on(event, (payload) => {
      capture(`event ${event} ${JSON.stringify(payload)}`);
    });
  }
  sessions = createSessionProvider({
    env: fixture.env,
    bus,
    sandbox: () => Promise.resolve({ endpoint: sandbox.endpoint }),
    log: capture,
    mfaTimeoutMs: 2000,
  });
  handlers = {
    ...createHandlers({ identity: { name: 'C', version: '1', host: 'browser' }, env: fixture.env }),
    ...createProfileHandlers({ env: fixture.env, sessions }),
  };
});

afterAll(async () => {
  sessions.close();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await sandbox.close();
  await fixture.remove();
});

async function call(name: string, args: unknown): Promise<CallOutcome> {
  const outcome = await dispatch(handlers, name, args, context, capture);
  capture(`${name} ${JSON.stringify(outcome)}`);
  return outcome;
}

const allProfiles = [
  'static',
  'services',
  'process',
  'process-broken',
  'role',
  'role-mfa',
  'web',
  'sso-missing',
  'sso-expired',
  'sso-legacy',
  'nokeys',
  SANDBOX_PROFILE,
];

describe('profile handlers', () => {
  it('profiles.list lists every profile of the files and the Sandbox', async () => {
    const outcome = await call('profiles.list', {});
    expect(outcome.ok).toBe(true);
    const value = (outcome as { value: { profiles: { name: string }[]; problems: unknown[] } })
      .value;
    expect(value.profiles.map((p) => p.name).sort()).toEqual([...allProfiles].sort());
    expect(value.problems).toEqual([]);
  });

  it('profiles.details tells the kind of each profile', async () => {
    const kinds: Record<string, string> = {};
    for (const profile of allProfiles) {
      const outcome = await call('profiles.details', { profile });
      if (outcome.ok) kinds[profile] = (outcome.value as { kind: string }).kind;
    }
    expect(kinds).toEqual({
      static: 'static-keys',
      services: 'static-keys',
      process: 'credential-process',
      'process-broken': 'credential-process',
      role: 'assume-role',
      'role-mfa': 'assume-role',
      web: 'web-identity',
      'sso-missing': 'sso',
      'sso-expired': 'sso',
      'sso-legacy': 'sso',
      nokeys: 'unknown',
      [SANDBOX_PROFILE]: 'sandbox',
    });
  });

  it("profiles.details reports each profile's Cloud Control endpoint: the override, or the running Sandbox's", async () => {
    const details = async (profile: string) => {
      const outcome = await call('profiles.details', { profile });
      if (!outcome.ok) throw new Error(outcome.error.message);
      return outcome.value as { endpointUrl: string | null };
    };
    // The fixture's profiles point at the test sandbox; the built-in one at its own sandbox.
    expect((await details('static')).endpointUrl).toBe(sandbox.endpoint);
    expect((await details(SANDBOX_PROFILE)).endpointUrl).toBe(sandbox.endpoint);
  });

  it('profiles.identity answers the account, or an actionable error', async () => {
    const outcome = await call('profiles.identity', { profile: 'role' });
    expect(outcome).toMatchObject({
      ok: true,
      value: { profile: 'role', account: '210987654321' },
    });
    const sso = await call('profiles.identity', { profile: 'sso-expired' });
    expect(sso).toMatchObject({
      ok: false,
      error: {
        code: 'Unauthorized',
        hint: 'Run "aws sso login --profile sso-expired", then try again.',
      },
    });
  });

  it('profiles.answerMfa completes a waiting identity call; an unknown prompt is not accepted', async () => {
    const prompts: MfaPrompt[] = [];
    const off = bus.on('profiles.mfaRequested', (prompt) => prompts.push(prompt));
    const identity = call('profiles.identity', { profile: 'role-mfa' });
    await vi.waitFor(() => {
      expect(prompts).toHaveLength(1);
    });
    expect(await call('profiles.answerMfa', { promptId: 'nope', code: '123456' })).toEqual({
      ok: true,
      value: { accepted: false },
    });
    expect(
      await call('profiles.answerMfa', { promptId: prompts[0]?.promptId ?? '', code: '123456' }),
    ).toEqual({ ok: true, value: { accepted: true } });
    expect(await identity).toMatchObject({ ok: true, value: { account: mfaRoleAccount } });
    off();
  });
});

describe('credentials never leave the main process', () => {
  it('no log line, event or handler result carries a key, secret or token', async () => {
    // Exercise every kind: list, details, identity (answering MFA), and real Cloud Control calls.
    const off = bus.on('profiles.mfaRequested', (prompt) => {
      void call('profiles.answerMfa', { promptId: prompt.promptId, code: '123456' });
    });
    sessions.reset();
    await call('profiles.list', {});
    for (const profile of allProfiles) {
      await call('profiles.details', { profile });
      await call('profiles.identity', { profile });
      try {
        const { cloudControl } = await sessions.clients(profile, 'us-east-1');
        const page = await cloudControl.send(
          new ListResourcesCommand({ TypeName: 'AWS::SageMaker::Image' }),
        );
        capture(`list ${profile} ${String(page.ResourceDescriptions?.length)}`);
      } catch (error) {
        capture(
          `list ${profile} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    off();

    const everything = captured.join('\n');
    expect(captured.length).toBeGreaterThan(50);
    expect(everything).toContain('210987654321'); // the capture really saw the calls
    for (const secret of [
      ...Object.values(secrets),
      SANDBOX_ACCESS_KEY_ID,
      'sandbox-secret-not-checked',
    ]) {
      expect(everything, secret).not.toContain(secret);
    }
    expect(everything).not.toMatch(issuedSecretPattern);
  });
});
