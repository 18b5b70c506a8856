import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloudshelfError } from '../../../shared/contract';
import type { ProfileEnv } from './env';
import { SANDBOX_PROFILE } from './list';
import { profileDetails, resolveProfile } from './resolve';

let dir: string;
let env: ProfileEnv;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cloudshelf-resolve-'));
  env = {
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
  };
  await writeFile(
    env.AWS_CONFIG_FILE ?? '',
    [
      '[default]',
      'region = eu-west-1',
      'endpoint_url = http://127.0.0.1:4599',
      '[profile local]',
      'services = local-stack',
      '[services local-stack]',
      'cloudcontrol =',
      '  endpoint_url = http://127.0.0.1:4566',
      'sts =',
      '  endpoint_url = http://127.0.0.1:4567',
      '[profile corp]',
      'sso_session = corp',
      'sso_account_id = 111122223333',
      'sso_role_name = ReadOnly',
      '[sso-session corp]',
      'sso_region = us-east-1',
      'sso_start_url = https://corp.awsapps.com/start',
      '[profile admin]',
      'role_arn = arn:aws:iam::210987654321:role/Admin',
      'source_profile = default',
      'mfa_serial = arn:aws:iam::111122223333:mfa/me',
      '[profile chained]',
      'role_arn = arn:aws:iam::210987654321:role/Other',
      'source_profile = admin',
    ].join('\n'),
  );
  await writeFile(
    env.AWS_SHARED_CREDENTIALS_FILE ?? '',
    ['[default]', 'aws_access_key_id = AKIDRESOLVE', 'aws_secret_access_key = resolve-secret'].join(
      '\n',
    ),
  );
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('profileDetails', () => {
  it('describes static keys with the profile endpoint_url', async () => {
    expect(await profileDetails('default', env)).toEqual({
      name: 'default',
      source: 'config+credentials',
      region: 'eu-west-1',
      kind: 'static-keys',
      endpointUrl: 'http://127.0.0.1:4599',
      needsMfa: false,
      signInCommand: null,
    });
  });

  it('takes the Cloud Control endpoint from a services section, and the region from the env', async () => {
    const resolved = await resolveProfile('local', { ...env, AWS_DEFAULT_REGION: 'us-west-2' });
    expect(resolved.details.endpointUrl).toBe('http://127.0.0.1:4566');
    expect(resolved.details.region).toBe('us-west-2');
    expect(resolved.endpoints.sts).toBe('http://127.0.0.1:4567');
    expect(resolved.endpoints.cloudformation).toBeNull();
  });

  it('lets AWS_ENDPOINT_URL_CLOUDCONTROL beat AWS_ENDPOINT_URL beat the files', async () => {
    const global = await resolveProfile('local', { ...env, AWS_ENDPOINT_URL: 'http://g:1' });
    expect(global.endpoints).toEqual({
      cloudcontrol: 'http://g:1',
      cloudformation: 'http://g:1',
      sts: 'http://g:1',
    });
    const specific = await resolveProfile('local', {
      ...env,
      AWS_ENDPOINT_URL: 'http://g:1',
      AWS_ENDPOINT_URL_CLOUDCONTROL: 'http://cc:2',
    });
    expect(specific.details.endpointUrl).toBe('http://cc:2');
    const ignored = await resolveProfile('default', {
      ...env,
      AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true',
    });
    expect(ignored.details.endpointUrl).toBeNull();
  });

  it('gives SSO profiles their sign-in command', async () => {
    const details = await profileDetails('corp', env);
    expect(details.kind).toBe('sso');
    expect(details.signInCommand).toBe('aws sso login --profile corp');
  });

  it('marks assume-role profiles that need MFA, also through a chain', async () => {
    const admin = await resolveProfile('admin', env);
    expect(admin.details.kind).toBe('assume-role');
    expect(admin.details.needsMfa).toBe(true);
    expect(admin.mfaSerial).toBe('arn:aws:iam::111122223333:mfa/me');
    expect((await profileDetails('chained', env)).needsMfa).toBe(true);
  });

  it('describes the built-in Sandbox', async () => {
    expect((await profileDetails(SANDBOX_PROFILE, env)).kind).toBe('sandbox');
  });

  it('answers NotFound, naming the config file, for an unknown profile', async () => {
    const error = await profileDetails('nope', env).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudshelfError);
    expect((error as CloudshelfError).code).toBe('NotFound');
    expect((error as CloudshelfError).hint).toContain(env.AWS_CONFIG_FILE);
  });

  it('never carries key material', async () => {
    const text = JSON.stringify(await resolveProfile('default', env));
    expect(text).not.toContain('AKIDRESOLVE');
    expect(text).not.toContain('resolve-secret');
  });
});
