import { CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { CloudshelfError, type ProfileIdentity } from '../../../shared/contract';
import type { EventBus } from '../events';
import { awsFilePathsFor, type ProfileEnv } from '../profiles/env';
import { SANDBOX_PROFILE } from '../profiles/list';
import { defaultMfaTimeoutMs, MfaPrompts } from '../profiles/mfa';
import { resolveProfile, sandboxProfile, type ResolvedProfile } from '../profiles/resolve';
import { unusableProfileError } from '../profiles/unusable';
import { callError } from './credential-errors';
import { createCredentialProcesses } from './credential-processes';
import { profileCredentials } from './credentials';
import type { MemoizedCredentials } from './memoize';
import { defaultRetry, retryConfig, type RetrySettings } from './retry';
import type { AwsClients, SessionProvider } from './session';

export interface SessionProviderOptions {
  env: ProfileEnv;
  bus: EventBus;
  /** The in-process sandbox, started on first use of the built-in Sandbox profile. */
  sandbox: () => Promise<{ endpoint: string }>;
  log?: (line: string) => void;
  /** How long an MFA prompt waits for the UI's answer. */
  mfaTimeoutMs?: number;
  /** Stop a credential_process that has not finished by then (the CLI); default: never. */
  credentialTimeoutMs?: number | null;
  retry?: Partial<RetrySettings>;
}

/** The SessionProvider, plus what the profile handlers need. */
export interface ProfileSessions extends SessionProvider {
  /** STS GetCallerIdentity for the profile, cached until the AWS files change. */
  identity(profile: string): Promise<ProfileIdentity>;
  /** Hands an MFA code to the waiting prompt; false when the prompt is unknown or over. */
  answerMfa(promptId: string, code: string): boolean;
  /** Kills the profile's running credential_process; false when none runs. */
  cancelCredentialProcess(profile: string): boolean;
  /** Forgets clients, credentials and identities (done on every `profiles.changed`). */
  reset(): void;
  close(): void;
}

interface Session {
  profile: ResolvedProfile;
  credentials: MemoizedCredentials;
  /** Endpoint overrides per service; the sandbox's for the built-in profile. */
  endpoints: { cloudcontrol: string | null; cloudformation: string | null; sts: string | null };
  clients: Map<string, AwsClients>;
  sts: STSClient | undefined;
  identity: Promise<ProfileIdentity> | undefined;
}

const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export function createSessionProvider(options: SessionProviderOptions): ProfileSessions {
  const { env, bus } = options;
  const log = options.log ?? (() => undefined);
  const retry: RetrySettings = { ...defaultRetry, ...options.retry };
  const mfa = new MfaPrompts(bus, options.mfaTimeoutMs ?? defaultMfaTimeoutMs);
  const processes = createCredentialProcesses({
    bus,
    timeoutMs: options.credentialTimeoutMs ?? null,
    log,
  });
  let sessions = new Map<string, Promise<Session>>();

  const open = async (name: string): Promise<Session> => {
    const paths = awsFilePathsFor(env);
    const profile =
      name === SANDBOX_PROFILE ? sandboxProfile(paths) : await resolveProfile(name, env);
    // The SDK would read it with settings the user never gave it: refuse before any call.
    if (profile.details.problem) throw unusableProfileError(name, profile.details.problem);
    let endpoints = profile.endpoints;
    if (profile.details.kind === 'sandbox') {
      const { endpoint } = await options.sandbox();
      endpoints = { cloudcontrol: endpoint, cloudformation: endpoint, sts: endpoint };
    }
    const credentials = profileCredentials(profile, {
      askMfa: (profileName, serial) => {
        log(`profile ${profileName}: asking for an MFA code`);
        return mfa.ask(profileName, serial);
      },
      processes,
      retry,
    });
    log(`profile ${name}: opened (${profile.details.kind})`);
    return {
      profile,
      credentials,
      endpoints,
      clients: new Map(),
      sts: undefined,
      identity: undefined,
    };
  };

  const session = (name: string): Promise<Session> => {
    let opening = sessions.get(name);
    if (!opening) {
      opening = open(name);
      sessions.set(name, opening);
      // A profile that failed to open (not found, sandbox down) is tried afresh next time.
      const map = sessions;
      opening.catch(() => {
        if (map.get(name) === opening) map.delete(name);
      });
    }
    return opening;
  };

  /** Settings every client shares; `profile` lets the SDK's own endpoint lookup agree. */
  const clientSettings = (s: Session, region: string, endpoint: string | null) => ({
    region,
    credentials: s.credentials,
    ...retryConfig(retry),
    ...(endpoint ? { endpoint } : {}),
    ...(s.profile.details.kind === 'sandbox' ? {} : { profile: s.profile.details.name }),
  });

  const destroy = (all: Map<string, Promise<Session>>): void => {
    for (const opening of all.values()) {
      opening.then(
        (s) => {
          for (const clients of s.clients.values()) {
            clients.cloudControl.destroy();
            clients.cloudFormation.destroy();
          }
          s.sts?.destroy();
        },
        () => undefined,
      );
    }
  };

  const reset = (): void => {
    const old = sessions;
    sessions = new Map();
    destroy(old);
  };
  const unsubscribe = bus.on('profiles.changed', reset);

  const identity = async (name: string): Promise<ProfileIdentity> => {
    const s = await session(name);
    if (!s.identity) {
      s.sts ??= new STSClient(
        clientSettings(s, s.profile.details.region ?? 'us-east-1', s.endpoints.sts),
      );
      const sts = s.sts;
      const lookup = (async () => {
        try {
          const answer = await sts.send(new GetCallerIdentityCommand({}));
          if (!answer.Account || !answer.Arn) {
            throw new CloudshelfError(
              'Unavailable',
              `STS did not name the account of profile ${name}.`,
            );
          }
          log(`profile ${name}: account ${answer.Account}`);
          return { profile: name, account: answer.Account, arn: answer.Arn };
        } catch (error) {
          const failure = callError(error, s.profile, 'Looking up the account');
          log(`profile ${name}: ${failure.code}: ${failure.message}`);
          throw failure;
        }
      })();
      s.identity = lookup;
      lookup.catch(() => {
        if (s.identity === lookup) s.identity = undefined;
      });
    }
    return s.identity;
  };

  return {
    async clients(name, region) {
      if (!regionPattern.test(region)) {
        throw new CloudshelfError('InvalidArguments', `"${region}" is not an AWS region code.`);
      }
      const s = await session(name);
      let clients = s.clients.get(region);
      if (!clients) {
        clients = {
          cloudControl: new CloudControlClient(clientSettings(s, region, s.endpoints.cloudcontrol)),
          cloudFormation: new CloudFormationClient(
            clientSettings(s, region, s.endpoints.cloudformation),
          ),
        };
        s.clients.set(region, clients);
      }
      return clients;
    },
    async account(name) {
      return (await identity(name)).account;
    },
    identity,
    answerMfa: (promptId, code) => mfa.answer(promptId, code),
    cancelCredentialProcess: (profile) => processes.cancel(profile),
    reset,
    close() {
      unsubscribe();
      // A command left running would outlive Cloudshelf (it has its own process group).
      processes.cancelAll();
      reset();
    },
  };
}
