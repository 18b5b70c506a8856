import { describe, expect, it } from 'vitest';
import { parseAuthorization } from './sigv4';

const signature = 'a'.repeat(64);
const good = `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/eu-west-1/cloudcontrolapi/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${signature}`;
const dated = { 'x-amz-date': '20261123T101010Z' };

describe('parseAuthorization', () => {
  it('reads the access key, region and service from the credential scope', () => {
    const result = parseAuthorization({ ...dated, authorization: good });
    expect(result).toEqual({
      ok: true,
      credential: {
        accessKeyId: 'AKIDEXAMPLE',
        date: '20261123',
        region: 'eu-west-1',
        service: 'cloudcontrolapi',
        signedHeaders: ['content-type', 'host', 'x-amz-date', 'x-amz-target'],
      },
    });
  });

  it('accepts a Date header instead of X-Amz-Date', () => {
    expect(
      parseAuthorization({ date: 'Mon, 23 Nov 2026 10:10:10 GMT', authorization: good }).ok,
    ).toBe(true);
  });

  it('says the token is missing when there is no Authorization header', () => {
    expect(parseAuthorization(dated)).toEqual({
      ok: false,
      kind: 'MissingAuthenticationToken',
      message: 'Missing Authentication Token',
    });
    expect(parseAuthorization({ ...dated, authorization: '  ' })).toMatchObject({
      kind: 'MissingAuthenticationToken',
    });
  });

  it.each([
    [
      'another algorithm',
      `AWS4-HMAC-SHA1 Credential=A/20261123/eu-west-1/s/aws4_request`,
      'algorithm',
    ],
    [
      'no Credential',
      `AWS4-HMAC-SHA256 SignedHeaders=host, Signature=${signature}`,
      "'Credential'",
    ],
    [
      'no Signature',
      `AWS4-HMAC-SHA256 Credential=A/20261123/r/s/aws4_request, SignedHeaders=host`,
      "'Signature'",
    ],
    [
      'no SignedHeaders',
      `AWS4-HMAC-SHA256 Credential=A/20261123/r/s/aws4_request, Signature=${signature}`,
      "'SignedHeaders'",
    ],
    [
      'a short scope',
      `AWS4-HMAC-SHA256 Credential=A/20261123/eu-west-1, SignedHeaders=host, Signature=${signature}`,
      'Credential should be of the form',
    ],
    [
      'a bad date',
      `AWS4-HMAC-SHA256 Credential=A/2026-11-23/eu-west-1/s/aws4_request, SignedHeaders=host, Signature=${signature}`,
      'Credential should be',
    ],
    [
      'a bad terminator',
      `AWS4-HMAC-SHA256 Credential=A/20261123/eu-west-1/s/aws5_request, SignedHeaders=host, Signature=${signature}`,
      'Credential should be',
    ],
    [
      'a short signature',
      `AWS4-HMAC-SHA256 Credential=A/20261123/eu-west-1/s/aws4_request, SignedHeaders=host, Signature=abc`,
      'Signature must be',
    ],
    [
      'bad signed headers',
      `AWS4-HMAC-SHA256 Credential=A/20261123/eu-west-1/s/aws4_request, SignedHeaders=Host;;, Signature=${signature}`,
      'SignedHeaders must be',
    ],
  ])('refuses %s as an incomplete signature', (_label, header, expected) => {
    const result = parseAuthorization({ ...dated, authorization: header });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.kind).toBe('IncompleteSignature');
      expect(result.message).toContain(expected);
    }
  });

  it('refuses a signature without any date header', () => {
    const result = parseAuthorization({ authorization: good });
    expect(result).toMatchObject({ ok: false, kind: 'IncompleteSignature' });
    if (!result.ok) expect(result.message).toContain("'X-Amz-Date'");
  });

  it('never echoes the access key id in an error', () => {
    const result = parseAuthorization({
      ...dated,
      authorization: `AWS4-HMAC-SHA256 Credential=SECRETKEYID/bad, SignedHeaders=host, Signature=${signature}`,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toContain('SECRETKEYID');
  });
});
