import type { ProfileSessions } from '../../core/aws/session-provider';
import type { ProfileEnv } from '../../core/profiles/env';
import { listProfiles } from '../../core/profiles/list';
import { profileDetails } from '../../core/profiles/resolve';
import type { HandlerTable } from '../dispatch';

export interface ProfileServices {
  env: ProfileEnv;
  /** From createSessionProvider (electron/core/aws/session-provider.ts). */
  sessions: Pick<ProfileSessions, 'identity' | 'answerMfa'>;
}

export type ProfileHandlers = Pick<
  HandlerTable,
  'profiles.list' | 'profiles.details' | 'profiles.identity' | 'profiles.answerMfa'
>;

/** The profile calls: names, details and identities only; keys stay in the main process. */
export function createProfileHandlers(services: ProfileServices): ProfileHandlers {
  const { env, sessions } = services;
  return {
    'profiles.list': () => listProfiles(env),
    'profiles.details': ({ profile }) => profileDetails(profile, env),
    'profiles.identity': ({ profile }) => sessions.identity(profile),
    'profiles.answerMfa': ({ promptId, code }) =>
      Promise.resolve({ accepted: sessions.answerMfa(promptId, code) }),
  };
}
