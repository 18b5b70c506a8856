import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProfileEnv } from '../../profiles/env';

/** Every secret the fixture files hold; no log line, event or handler result may carry one. */
export const secrets = {
  staticKeyId: 'AKIDFIXTURESTATIC01',
  staticSecret: 'fixture-static-secret-0b5e',
  servicesKeyId: 'AKIDFIXTURESERVICES',
  servicesSecret: 'fixture-services-secret-77c1',
  processKeyId: 'AKIDFIXTUREPROCESS1',
  processSecret: 'fixture-process-secret-9d2a',
  processToken: 'fixture-process-session-token-41f0',
  processStderr: 'fixture-stderr-leak-5c3e',
  webToken: 'fixture-web-identity-token-e8b7',
  ssoToken: 'fixture-sso-access-token-a1f9',
} as const;

/** Temporary keys the sandbox's STS issues, and its session tokens. */
export const issuedSecretPattern = /ASIA\d{12}[A-Z0-9]{4}|IQoJb3JpZ2luX2VjE/;

export const roleAccount = '210987654321';
export const mfaRoleAccount = '222233334444';
export const webRoleAccount = '333344445555';
export const mfaSerial = 'arn:aws:iam::111122223333:mfa/fixture';

export interface AwsFixture {
  dir: string;
  env: ProfileEnv;
  remove(): Promise<void>;
}

/**
 * Temp AWS config and credentials files with one profile of every kind, all pointed at
 * `endpoint` (the sandbox), plus a credential_process script, a web identity token and an
 * expired SSO token cache under `<dir>/home` (point HOME there).
 */
export async function writeAwsFixture(endpoint: string): Promise<AwsFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'cloudshelf-aws-'));
  const script = join(dir, 'creds.mjs');
  const failing = join(dir, 'fail.mjs');
  const token = join(dir, 'web-token');
  await writeFile(
    script,
    `console.log(JSON.stringify(${JSON.stringify({
      Version: 1,
      AccessKeyId: secrets.processKeyId,
      SecretAccessKey: secrets.processSecret,
      SessionToken: secrets.processToken,
    })}));\n`,
  );
  await writeFile(
    failing,
    `console.error(${JSON.stringify(secrets.processStderr)}); process.exit(3);\n`,
  );
  await writeFile(token, secrets.webToken);
  const cache = join(dir, 'home', '.aws', 'sso', 'cache');
  await mkdir(cache, { recursive: true });
  await writeFile(
    join(cache, `${createHash('sha1').update('old').digest('hex')}.json`),
    JSON.stringify({
      accessToken: secrets.ssoToken,
      expiresAt: '2020-01-01T00:00:00Z',
      region: 'us-east-1',
      startUrl: 'https://old.awsapps.com/start',
    }),
  );

  const config = [
    '[profile static]',
    'region = eu-west-1',
    `endpoint_url = ${endpoint}`,
    '[profile services]',
    'region = us-west-2',
    'services = sandbox',
    '[services sandbox]',
    'cloudcontrol =',
    `  endpoint_url = ${endpoint}`,
    'sts =',
    `  endpoint_url = ${endpoint}`,
    '[profile process]',
    `credential_process = node ${script}`,
    `endpoint_url = ${endpoint}`,
    '[profile process-broken]',
    `credential_process = node ${failing} --token ${secrets.processSecret}`,
    `endpoint_url = ${endpoint}`,
    '[profile role]',
    `role_arn = arn:aws:iam::${roleAccount}:role/Admin`,
    'source_profile = static',
    `endpoint_url = ${endpoint}`,
    '[profile role-mfa]',
    `role_arn = arn:aws:iam::${mfaRoleAccount}:role/Admin`,
    'source_profile = static',
    `mfa_serial = ${mfaSerial}`,
    `endpoint_url = ${endpoint}`,
    '[profile web]',
    `role_arn = arn:aws:iam::${webRoleAccount}:role/ci`,
    `web_identity_token_file = ${token}`,
    `endpoint_url = ${endpoint}`,
    '[profile sso-missing]',
    'sso_session = never',
    'sso_account_id = 111122223333',
    'sso_role_name = ReadOnly',
    '[profile sso-expired]',
    'sso_session = old',
    'sso_account_id = 111122223333',
    'sso_role_name = ReadOnly',
    '[profile sso-legacy]',
    'sso_start_url = https://legacy.awsapps.com/start',
    'sso_region = us-east-1',
    'sso_account_id = 111122223333',
    'sso_role_name = ReadOnly',
    '[sso-session never]',
    'sso_region = us-east-1',
    'sso_start_url = https://never.awsapps.com/start',
    '[sso-session old]',
    'sso_region = us-east-1',
    'sso_start_url = https://old.awsapps.com/start',
    '[profile nokeys]',
    'region = eu-west-1',
  ];
  const credentials = [
    '[static]',
    `aws_access_key_id = ${secrets.staticKeyId}`,
    `aws_secret_access_key = ${secrets.staticSecret}`,
    '[services]',
    `aws_access_key_id = ${secrets.servicesKeyId}`,
    `aws_secret_access_key = ${secrets.servicesSecret}`,
  ];
  const env: ProfileEnv = {
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
  };
  await writeFile(env.AWS_CONFIG_FILE ?? '', config.join('\n'));
  await writeFile(env.AWS_SHARED_CREDENTIALS_FILE ?? '', credentials.join('\n'));
  return { dir, env, remove: () => rm(dir, { recursive: true, force: true }) };
}
