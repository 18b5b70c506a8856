import type { ProfileSessions } from '../../core/aws/session-provider';
import type { ProfileEnv } from '../../core/profiles/env';
import { listProfiles } from '../../core/profiles/list';
import { profileDetails } from '../../core/profiles/resolve';
import type { HandlerTable } from '../dispatch';

export interface ProfileServices {
  env: ProfileEnv;
  /** From createSessionProvider (electron/core/aws/session-provider.ts). */
  sessions: Pick<ProfileSessions, 'identity' | 'answerMfa' | 'cancelCredentialProcess' | 'clients'>;
}

export type ProfileHandlers = Pick<
  HandlerTable,
  | 'profiles.list'
  | 'profiles.details'
  | 'profiles.identity'
  | 'profiles.answerMfa'
  | 'profiles.cancelCredentialProcess'
>;

/** The profile calls: names, details and identities only; keys stay in the main process. */
export function createProfileHandlers(services: ProfileServices): ProfileHandlers {
  const { env, sessions } = services;
  return {
    'profiles.list': () => listProfiles(env),
    'profiles.details': async ({ profile }) => {
      const details = await profileDetails(profile, env);
      if (details.kind !== 'sandbox' || details.endpointUrl !== null) return details;
      return { ...details, endpointUrl: await sandboxEndpoint(sessions, profile, details.region) };
    },
    'profiles.identity': ({ profile }) => sessions.identity(profile),
    'profiles.answerMfa': ({ promptId, code }) =>
      Promise.resolve({ accepted: sessions.answerMfa(promptId, code) }),
    'profiles.cancelCredentialProcess': ({ profile }) =>
      Promise.resolve({ cancelled: sessions.cancelCredentialProcess(profile) }),
  };
}

/**
 * The built-in Sandbox's endpoint, known once it runs (it starts on first use): the address its
 * clients call, so a command shown to the user reaches the same sandbox. An address only.
 */
async function sandboxEndpoint(
  sessions: Pick<ProfileSessions, 'clients'>,
  profile: string,
  region: string | null,
): Promise<string | null> {
  let endpoint;
  try {
    const { cloudControl } = await sessions.clients(profile, region ?? 'us-east-1');
    endpoint = await cloudControl.config.endpoint?.();
  } catch {
    // A sandbox that did not start has no address; the calls that need it say why.
    return null;
  }
  if (!endpoint) return null;
  const port = endpoint.port === undefined ? '' : `:${String(endpoint.port)}`;
  const path = endpoint.path === '/' ? '' : endpoint.path;
  return `${endpoint.protocol}//${endpoint.hostname}${port}${path}`;
}
