import { CONFIG_PREFIX_SEPARATOR, loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { ConfigProblem, ProfileList, ProfileSummary } from '../../../shared/contract';

export const SANDBOX_PROFILE = 'Sandbox';

export interface ProfileEnv {
  AWS_PROFILE?: string | undefined;
  AWS_REGION?: string | undefined;
  AWS_DEFAULT_REGION?: string | undefined;
  AWS_CONFIG_FILE?: string | undefined;
  AWS_SHARED_CREDENTIALS_FILE?: string | undefined;
}

/**
 * Lists the profiles in the shared config and credentials files, read with the SDK's own
 * loader so Cloudshelf sees exactly what the AWS CLI sees, plus the built-in Sandbox.
 * Only names and regions leave this function; key material never does.
 */
export async function listProfiles(env: ProfileEnv = process.env): Promise<ProfileList> {
  const problems: ConfigProblem[] = [];
  let config: Record<string, Record<string, string | undefined>> = {};
  let credentials: Record<string, Record<string, string | undefined>> = {};
  try {
    const files = await loadSharedConfigFiles({
      ...(env.AWS_CONFIG_FILE ? { configFilepath: env.AWS_CONFIG_FILE } : {}),
      ...(env.AWS_SHARED_CREDENTIALS_FILE ? { filepath: env.AWS_SHARED_CREDENTIALS_FILE } : {}),
      ignoreCache: true,
    });
    config = files.configFile;
    credentials = files.credentialsFile;
  } catch (error) {
    problems.push({
      file: env.AWS_CONFIG_FILE ?? '~/.aws/config',
      message: `Could not read the AWS config files (${error instanceof Error ? error.message : String(error)}).`,
    });
  }

  const envRegion = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? null;
  // The loader keys non-profile sections as `sso-session.<name>` and `services.<name>`.
  const isProfileSection = (key: string): boolean => !key.includes(CONFIG_PREFIX_SEPARATOR);
  const names = new Set(
    [...Object.keys(config), ...Object.keys(credentials)].filter(isProfileSection),
  );
  const profiles: ProfileSummary[] = [...names].sort().map((name) => {
    const inConfig = Object.hasOwn(config, name);
    const inCredentials = Object.hasOwn(credentials, name);
    return {
      name,
      source:
        inConfig && inCredentials ? 'config+credentials' : inConfig ? 'config' : 'credentials',
      region: config[name]?.region ?? envRegion,
    };
  });
  profiles.push({ name: SANDBOX_PROFILE, source: 'builtin', region: 'us-east-1' });

  const wanted = env.AWS_PROFILE;
  const selected =
    wanted && names.has(wanted) ? wanted : names.has('default') ? 'default' : SANDBOX_PROFILE;
  if (wanted && !names.has(wanted)) {
    problems.push({
      file: env.AWS_CONFIG_FILE ?? '~/.aws/config',
      message: `AWS_PROFILE names "${wanted}", which is in neither AWS file; using "${selected}" instead.`,
    });
  }
  return { profiles, selected, problems };
}
