import { CloudshelfError, type ProfileDetails } from '../../../shared/contract';
import { loadAwsFiles, profileSection, type AwsFiles } from './config-files';
import { profileEndpoints, type ProfileEndpoints } from './endpoints';
import type { AwsFilePaths, ProfileEnv } from './env';
import { profileKind } from './kind';
import { profileSummary, SANDBOX_PROFILE, SANDBOX_REGION } from './list';

/** Everything the main process needs to open a session; never leaves the main process. */
export interface ResolvedProfile {
  details: ProfileDetails;
  endpoints: ProfileEndpoints;
  /** The MFA device whose code assuming the role needs (this profile's or a source's). */
  mfaSerial: string | null;
  /** The credential_process command line; it may hold secrets, so it never leaves here. */
  credentialProcess: string | null;
  paths: AwsFilePaths;
}

const noEndpoints: ProfileEndpoints = { cloudcontrol: null, cloudformation: null, sts: null };

export function sandboxProfile(paths: AwsFilePaths): ResolvedProfile {
  return {
    details: {
      name: SANDBOX_PROFILE,
      source: 'builtin',
      region: SANDBOX_REGION,
      kind: 'sandbox',
      endpointUrl: null,
      needsMfa: false,
      signInCommand: null,
    },
    endpoints: noEndpoints,
    mfaSerial: null,
    credentialProcess: null,
    paths,
  };
}

/** A profile as the files describe it; a name in neither file is NotFound. */
export function resolveFromFiles(files: AwsFiles, name: string, env: ProfileEnv): ResolvedProfile {
  const section = profileSection(files, name);
  if (!section) {
    if (name === SANDBOX_PROFILE) return sandboxProfile(files.paths);
    throw new CloudshelfError(
      'NotFound',
      `There is no AWS profile named "${name}".`,
      `Add [profile ${name}] to ${files.paths.config}, or pick another profile.`,
    );
  }
  const kind = profileKind(section);
  const endpoints = profileEndpoints(files, section, env);
  const mfaSerial = kind === 'assume-role' ? mfaSerialOf(files, name) : null;
  return {
    details: {
      ...profileSummary(files, name, env),
      kind,
      endpointUrl: endpoints.cloudcontrol,
      needsMfa: mfaSerial !== null,
      signInCommand: kind === 'sso' ? `aws sso login --profile ${name}` : null,
    },
    endpoints,
    mfaSerial,
    credentialProcess: kind === 'credential-process' ? (section.credential_process ?? null) : null,
    paths: files.paths,
  };
}

/** The first `mfa_serial` along the assume-role chain (a source profile may need one too). */
function mfaSerialOf(files: AwsFiles, name: string): string | null {
  const seen = new Set<string>();
  let current: string | undefined = name;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const section = profileSection(files, current);
    if (!section || profileKind(section) !== 'assume-role') return null;
    if (section.mfa_serial) return section.mfa_serial;
    current = section.source_profile;
  }
  return null;
}

export async function resolveProfile(name: string, env: ProfileEnv): Promise<ResolvedProfile> {
  return resolveFromFiles(await loadAwsFiles(env), name, env);
}

/** What the UI may see about a profile: kind, region, endpoint, MFA and sign-in needs. */
export async function profileDetails(name: string, env: ProfileEnv): Promise<ProfileDetails> {
  return (await resolveProfile(name, env)).details;
}
