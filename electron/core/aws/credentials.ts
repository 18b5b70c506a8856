import { getDefaultRoleAssumerWithWebIdentity } from '@aws-sdk/client-sts';
import { fromIni, fromSSO } from '@aws-sdk/credential-providers';
import type { ResolvedProfile } from '../profiles/resolve';
import { credentialError } from './credential-errors';
import type { CredentialProcesses } from './credential-processes';
import { memoizeCredentials, type Credentials, type MemoizedCredentials } from './memoize';
import { retryConfig, type RetrySettings } from './retry';

/** The built-in Sandbox's key: the sandbox maps it to one fixed account (as the CLI suites do). */
export const SANDBOX_ACCESS_KEY_ID = 'AKIDSANDBOX';
const sandboxSecret = 'sandbox-secret-not-checked';

export interface CredentialOptions {
  /** Asks the UI for a code for the MFA device `serial`. */
  askMfa: (profile: string, serial: string) => Promise<string>;
  /** Runs credential_process commands so they can be seen, cancelled and timed out. */
  processes: CredentialProcesses;
  retry: RetrySettings;
}

/**
 * The STS client settings for role assumption: the profile's STS endpoint (so assume-role
 * works against the sandbox or LocalStack), its region, and Cloudshelf's retries.
 * fromIni hands `clientConfig` to the STS client it builds for AssumeRole; it does not
 * hand it to web identity, which gets its own role assumer below.
 */
function stsSettings(profile: ResolvedProfile, retry: RetrySettings) {
  return {
    region: profile.details.region ?? 'us-east-1',
    ...(profile.endpoints.sts ? { endpoint: profile.endpoints.sts } : {}),
    ...retryConfig(retry),
  };
}

function resolverFor(
  profile: ResolvedProfile,
  options: CredentialOptions,
): () => Promise<Credentials> {
  const { name, kind } = profile.details;
  if (kind === 'sandbox') {
    return () =>
      Promise.resolve({ accessKeyId: SANDBOX_ACCESS_KEY_ID, secretAccessKey: sandboxSecret });
  }
  const files = {
    profile: name,
    filepath: profile.paths.credentials,
    configFilepath: profile.paths.config,
    ignoreCache: true,
  };
  const command = profile.credentialProcess;
  if (kind === 'credential-process' && command !== null) {
    // Not fromIni: the SDK's exec cannot be stopped, and a command that never exits would
    // hold the profile's calls for ever.
    return () => options.processes.run(profile, command);
  }
  if (kind === 'sso') {
    // Called directly: fromIni's SSO branch drops filepath/configFilepath and would read
    // the default files instead of the ones this profile came from.
    return fromSSO(files);
  }
  return fromIni({
    ...files,
    mfaCodeProvider: (serial) => options.askMfa(name, serial),
    clientConfig: stsSettings(profile, options.retry),
    roleAssumerWithWebIdentity: getDefaultRoleAssumerWithWebIdentity(
      stsSettings(profile, options.retry),
    ),
  });
}

/**
 * One memoized credential provider per profile, shared by all its clients. Failures become
 * CloudshelfErrors that say what to do; credentials never leave this provider except into
 * the SDK's signer.
 */
export function profileCredentials(
  profile: ResolvedProfile,
  options: CredentialOptions,
): MemoizedCredentials {
  const resolve = resolverFor(profile, options);
  return memoizeCredentials(async () => {
    try {
      return await resolve();
    } catch (error) {
      throw credentialError(error, profile);
    }
  });
}
