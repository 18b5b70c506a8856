import { describe, expect, it } from 'vitest';
import { profileKind } from './kind';

describe('profileKind', () => {
  it.each([
    [{ aws_access_key_id: 'a', aws_secret_access_key: 'b' }, 'static-keys'],
    [{ sso_session: 'corp', sso_account_id: '1', sso_role_name: 'r' }, 'sso'],
    [{ sso_start_url: 'https://x.awsapps.com/start', sso_region: 'us-east-1' }, 'sso'],
    [{ role_arn: 'arn:aws:iam::1:role/r', source_profile: 'base' }, 'assume-role'],
    [{ role_arn: 'arn:aws:iam::1:role/r', credential_source: 'Environment' }, 'assume-role'],
    [{ credential_process: 'node creds.js' }, 'credential-process'],
    [{ role_arn: 'arn:aws:iam::1:role/r', web_identity_token_file: '/t' }, 'web-identity'],
    [{ region: 'eu-west-1' }, 'unknown'],
    [{ role_arn: 'arn:aws:iam::1:role/r' }, 'unknown'],
  ] as const)('%o is %s', (section, kind) => {
    expect(profileKind(section)).toBe(kind);
  });

  it('follows the SDK when a profile has several: assume-role before static keys', () => {
    expect(
      profileKind({
        role_arn: 'arn:aws:iam::1:role/r',
        source_profile: 'base',
        aws_access_key_id: 'a',
        aws_secret_access_key: 'b',
      }),
    ).toBe('assume-role');
  });
});
