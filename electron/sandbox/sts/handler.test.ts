import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
  STSServiceException,
  type STSClientConfig,
} from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountIdFor } from '../account';
import type { RunningSandbox } from '../index';
import { failure } from '../test-support/clients';
import { startTestSandbox } from '../test-support/sandbox';

// The real STS client over real HTTP against the sandbox: what it parses, the credential
// providers (which use the same client) will parse too.

let sandbox: RunningSandbox;
const clients: STSClient[] = [];

function sts(accessKeyId = 'AKIDSANDBOXSTS', extra: Partial<STSClientConfig> = {}): STSClient {
  const client = new STSClient({
    endpoint: sandbox.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId, secretAccessKey: 'sandbox-secret' },
    maxAttempts: 1,
    ...extra,
  });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await sandbox.close();
});

const roleArn = 'arn:aws:iam::210987654321:role/Admin';

describe('GetCallerIdentity', () => {
  it('answers the account the sandbox derives from the access key, as a user', async () => {
    const identity = await sts().send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe(accountIdFor('AKIDSANDBOXSTS'));
    expect(identity.Arn).toBe(`arn:aws:iam::${accountIdFor('AKIDSANDBOXSTS')}:user/sandbox`);
    expect(identity.UserId).toMatch(/^AIDA[0-9A-F]{17}$/);
  });
});

describe('AssumeRole', () => {
  it('issues temporary credentials that act in the role account', async () => {
    const answer = await sts().send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'cloudshelf' }),
    );
    const credentials = answer.Credentials;
    expect(credentials?.AccessKeyId).toMatch(/^ASIA210987654321[A-Z0-9]{4}$/);
    expect(credentials?.SecretAccessKey).toBeTruthy();
    expect(credentials?.SessionToken).toBeTruthy();
    expect(credentials?.Expiration).toBeInstanceOf(Date);
    expect(answer.AssumedRoleUser?.Arn).toBe(
      'arn:aws:sts::210987654321:assumed-role/Admin/cloudshelf',
    );

    const asRole = sts(credentials?.AccessKeyId, {
      credentials: {
        accessKeyId: credentials?.AccessKeyId ?? '',
        secretAccessKey: credentials?.SecretAccessKey ?? '',
        sessionToken: credentials?.SessionToken ?? '',
      },
    });
    const identity = await asRole.send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe('210987654321');
    expect(identity.Arn).toBe('arn:aws:sts::210987654321:assumed-role/Admin/cloudshelf');
    expect(identity.UserId).toMatch(/^AROA[0-9A-F]{17}:cloudshelf$/);
  });

  it('accepts a six-digit MFA code with SerialNumber', async () => {
    const answer = await sts().send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: 'mfa',
        SerialNumber: 'arn:aws:iam::123456789012:mfa/me',
        TokenCode: '123456',
      }),
    );
    expect(answer.Credentials?.AccessKeyId).toMatch(/^ASIA210987654321/);
  });

  it.each([
    ['no code', undefined],
    ['a short code', '12345'],
    ['the wrong code', '000000'],
  ])('refuses %s with AccessDenied in the STS envelope', async (_name, code) => {
    const error = await failure(() =>
      sts().send(
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: 'mfa',
          SerialNumber: 'arn:aws:iam::123456789012:mfa/me',
          ...(code === undefined ? {} : { TokenCode: code }),
        }),
      ),
    );
    expect(error).toBeInstanceOf(STSServiceException);
    expect(error.name).toBe('AccessDenied');
    expect(error.message).toContain('MultiFactorAuthentication failed');
    expect(error.$metadata?.httpStatusCode).toBe(403);
  });

  it('refuses a malformed role ARN with ValidationError', async () => {
    const error = await failure(() =>
      sts().send(new AssumeRoleCommand({ RoleArn: 'not-an-arn-at-all-xx', RoleSessionName: 'x1' })),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toContain("at 'roleArn'");
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });
});

describe('AssumeRoleWithWebIdentity', () => {
  it('answers unsigned, with credentials in the role account', async () => {
    const answer = await sts().send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: 'arn:aws:iam::333344445555:role/ci',
        RoleSessionName: 'ci-run',
        WebIdentityToken: 'eyJhbGciOi.payload.signature',
      }),
    );
    expect(answer.Credentials?.AccessKeyId).toMatch(/^ASIA333344445555/);
    expect(answer.AssumedRoleUser?.Arn).toBe('arn:aws:sts::333344445555:assumed-role/ci/ci-run');
    expect(answer.Provider).toBe('sandbox.cloudshelf.local');
  });

  it('refuses an empty token', async () => {
    const error = await failure(() =>
      sts().send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: 'arn:aws:iam::333344445555:role/ci',
          RoleSessionName: 'ci-run',
          WebIdentityToken: '',
        }),
      ),
    );
    expect(error.name).toBe('InvalidIdentityTokenException');
  });
});

describe('unknown actions', () => {
  it('are InvalidAction in the STS envelope', async () => {
    const response = await fetch(sandbox.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-amz-date': '20261123T100000Z',
        authorization: `AWS4-HMAC-SHA256 Credential=AKIDX/20261123/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
      },
      body: 'Action=DecodeAuthorizationMessage&Version=2011-06-15',
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain('<Code>InvalidAction</Code>');
    expect(text).toContain('https://sts.amazonaws.com/doc/2011-06-15/');
  });
});
