import { homedir } from 'node:os';
import { join } from 'node:path';

/** The environment variables Cloudshelf honours for AWS profiles, injectable for tests. */
export interface ProfileEnv {
  AWS_PROFILE?: string | undefined;
  AWS_REGION?: string | undefined;
  AWS_DEFAULT_REGION?: string | undefined;
  AWS_CONFIG_FILE?: string | undefined;
  AWS_SHARED_CREDENTIALS_FILE?: string | undefined;
  /** Configured endpoints (global, then per service), as the AWS CLI and SDKs read them. */
  AWS_ENDPOINT_URL?: string | undefined;
  AWS_ENDPOINT_URL_CLOUDCONTROL?: string | undefined;
  AWS_ENDPOINT_URL_CLOUDFORMATION?: string | undefined;
  AWS_ENDPOINT_URL_STS?: string | undefined;
  AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?: string | undefined;
}

export interface AwsFilePaths {
  config: string;
  credentials: string;
}

/** Where the SDK looks: the environment's paths, else ~/.aws/config and ~/.aws/credentials. */
export function awsFilePathsFor(env: ProfileEnv): AwsFilePaths {
  return {
    config: env.AWS_CONFIG_FILE || join(homedir(), '.aws', 'config'),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(homedir(), '.aws', 'credentials'),
  };
}

/** The region a profile falls back to when it names none. */
export function envRegion(env: ProfileEnv): string | null {
  return env.AWS_REGION || env.AWS_DEFAULT_REGION || null;
}
