import { CONFIG_PREFIX_SEPARATOR } from '@smithy/shared-ini-file-loader';
import type { ProfileList, ProfileSummary } from '../../../shared/contract';
import { loadAwsFiles, type AwsFiles } from './config-files';
import { envRegion, type ProfileEnv } from './env';
import { profileProblem } from './unusable';

export type { ProfileEnv } from './env';

export const SANDBOX_PROFILE = 'Sandbox';
export const SANDBOX_REGION = 'us-east-1';

// The loader keys non-profile sections as `sso-session.<name>` and `services.<name>`.
const isProfileSection = (key: string): boolean => !key.includes(CONFIG_PREFIX_SEPARATOR);

/** Every profile name in either file, sorted; never the built-in Sandbox. */
export function profileNames(files: AwsFiles): string[] {
  const names = new Set(
    [...Object.keys(files.config), ...Object.keys(files.credentials)].filter(isProfileSection),
  );
  return [...names].sort();
}

export function profileSummary(files: AwsFiles, name: string, env: ProfileEnv): ProfileSummary {
  const inConfig = Object.hasOwn(files.config, name);
  const inCredentials = Object.hasOwn(files.credentials, name);
  const problem = profileProblem(files, name);
  return {
    name,
    source: inConfig && inCredentials ? 'config+credentials' : inConfig ? 'config' : 'credentials',
    region: (inConfig ? files.config[name]?.region : undefined) ?? envRegion(env),
    ...(problem ? { problem } : {}),
  };
}

/**
 * Lists the profiles in the shared config and credentials files, read with the SDK's own
 * loader so Cloudshelf sees exactly what the AWS CLI sees, plus the built-in Sandbox.
 * Only names and regions leave this function; key material never does.
 */
export async function listProfiles(env: ProfileEnv = process.env): Promise<ProfileList> {
  const files = await loadAwsFiles(env);
  const problems = [...files.problems];
  const names = profileNames(files);
  const profiles = names.map((name) => profileSummary(files, name, env));
  profiles.push({ name: SANDBOX_PROFILE, source: 'builtin', region: SANDBOX_REGION });

  const wanted = env.AWS_PROFILE;
  const known = new Set(names);
  const selected =
    wanted && (known.has(wanted) || wanted === SANDBOX_PROFILE)
      ? wanted
      : known.has('default')
        ? 'default'
        : SANDBOX_PROFILE;
  if (wanted && wanted !== selected) {
    problems.push({
      file: files.paths.config,
      message: `AWS_PROFILE names "${wanted}", which is in neither AWS file; using "${selected}" instead.`,
    });
  }
  return { profiles, selected, problems };
}
