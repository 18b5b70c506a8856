import type { CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';

/** SDK clients for one profile in one region, ready to call (credentials, endpoint, retries). */
export interface AwsClients {
  readonly cloudControl: CloudControlClient;
  readonly cloudFormation: CloudFormationClient;
}

/**
 * Where every core module gets its AWS clients. The profiles module implements it over the
 * user's AWS config (and the built-in Sandbox); scans and the catalog only see this.
 * Failures to resolve credentials throw a CloudshelfError that says what to do
 * (e.g. an expired SSO session names the `aws sso login` command).
 */
export interface SessionProvider {
  /** Created once per (profile, region) and reused. */
  clients(profile: string, region: string): Promise<AwsClients>;
  /** The account id behind the profile (STS GetCallerIdentity), cached per profile. */
  account(profile: string): Promise<string>;
}
