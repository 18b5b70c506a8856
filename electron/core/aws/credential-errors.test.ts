import { describe, expect, it } from 'vitest';
import { CloudshelfError, type ProfileKind } from '../../../shared/contract';
import type { ResolvedProfile } from '../profiles/resolve';
import { callError, credentialError } from './credential-errors';

function profile(
  kind: ProfileKind,
  extra: Partial<ResolvedProfile['details']> = {},
): ResolvedProfile {
  return {
    details: {
      name: 'p',
      source: 'config',
      region: 'eu-west-1',
      kind,
      endpointUrl: null,
      needsMfa: false,
      signInCommand: kind === 'sso' ? 'aws sso login --profile p' : null,
      ...extra,
    },
    endpoints: { cloudcontrol: null, cloudformation: null, sts: null },
    mfaSerial: null,
    credentialProcess: null,
    paths: { config: '/h/.aws/config', credentials: '/h/.aws/credentials' },
  };
}

/** An error as the SDK raises it for an answer from AWS. */
function serviceError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 403 } });
}

describe('credentialError', () => {
  it('passes CloudshelfErrors through', () => {
    const original = new CloudshelfError('Unauthorized', 'x');
    expect(credentialError(original, profile('assume-role'))).toBe(original);
  });

  it('says an unreachable endpoint is down, naming it', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const mapped = credentialError(error, profile('assume-role', { endpointUrl: 'http://x:1' }));
    expect(mapped.code).toBe('Unavailable');
    expect(mapped.hint).toContain('http://x:1');
  });

  it('explains incomplete SSO settings apart from an expired session', () => {
    const mapped = credentialError(
      new Error('Profile is configured with invalid SSO credentials. Required parameters …'),
      profile('sso'),
    );
    expect(mapped.message).toContain('incomplete');
    expect(credentialError(new Error('Token is expired.'), profile('sso')).hint).toBe(
      'Run "aws sso login --profile p", then try again.',
    );
  });

  it('names the credential_process failure without its output', () => {
    expect(
      credentialError(
        new Error('Profile p credential_process returned invalid JSON.'),
        profile('credential-process'),
      ).message,
    ).toBe('The credential_process command of profile p printed something that is not JSON.');
    expect(
      credentialError(
        new Error('Command failed: tool --secret s3cr3t\nboom s3cr3t'),
        profile('credential-process'),
      ).message,
    ).not.toContain('s3cr3t');
  });

  it('explains source_profile loops, missing source keys and role refusals', () => {
    expect(
      credentialError(
        new Error('Detected a cycle attempting to resolve credentials'),
        profile('assume-role'),
      ).message,
    ).toContain('loop');
    expect(
      credentialError(
        new Error(
          'Could not resolve credentials using profile: [base] in configuration/credentials file(s).',
        ),
        profile('assume-role'),
      ).hint,
    ).toContain('/h/.aws/credentials');
    const refused = credentialError(
      serviceError('AccessDenied', 'User: x is not authorized to perform: sts:AssumeRole'),
      profile('assume-role'),
    );
    expect(refused.code).toBe('Forbidden');
    expect(refused.hint).toContain('trust policy');
  });

  it('says which web identity token file to fix', () => {
    const error = Object.assign(new Error("ENOENT: no such file or directory, open '/t'"), {
      code: 'ENOENT',
    });
    expect(credentialError(error, profile('web-identity')).hint).toContain(
      'web_identity_token_file',
    );
  });
});

describe('callError', () => {
  it('points bad static keys at the credentials file', () => {
    const mapped = callError(
      serviceError(
        'InvalidClientTokenId',
        'The security token included in the request is invalid.',
      ),
      profile('static-keys'),
      'Looking up the account',
    );
    expect(mapped.code).toBe('Unauthorized');
    expect(mapped.hint).toContain('/h/.aws/credentials');
  });

  it('sends expired SSO credentials to aws sso login', () => {
    expect(callError(serviceError('ExpiredToken', 'expired'), profile('sso'), 'x').hint).toBe(
      'Run "aws sso login --profile p", then try again.',
    );
  });

  it("keeps AWS's wording for other refusals", () => {
    const mapped = callError(
      serviceError('AccessDenied', 'not allowed'),
      profile('static-keys'),
      'Looking up the account',
    );
    expect(mapped).toMatchObject({
      code: 'Forbidden',
      message: 'Looking up the account failed for profile p: not allowed',
    });
  });
});
