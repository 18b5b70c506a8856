import { describe, expect, it } from 'vitest';
import { makeRow, needsHydration, rowKey } from './rows';

describe('rows', () => {
  it('keys rows by account, region and identifier; global types leave the region out', () => {
    expect(rowKey('123456789012', 'eu-west-1', 'a|b', false)).toBe('123456789012/eu-west-1/a|b');
    expect(rowKey('123456789012', 'eu-west-1', 'bucket', true)).toBe('123456789012//bucket');
  });

  it('hydrates when the list returned only the primary identifier', () => {
    expect(needsHydration({ ImageArn: 'arn' }, ['ImageArn'])).toBe(true);
    expect(needsHydration({}, ['ImageArn'])).toBe(true);
    expect(needsHydration({ ImageArn: 'arn', ImageName: 'x' }, ['ImageArn'])).toBe(false);
    // Unknown type: one property is taken to be the identifier.
    expect(needsHydration({ Arn: 'arn' }, [])).toBe(true);
    expect(needsHydration({ Arn: 'arn', Name: 'x' }, [])).toBe(false);
  });

  it('builds a row with when it was read', () => {
    const row = makeRow(
      {
        typeName: 'AWS::S3::Bucket',
        account: '1',
        region: 'us-east-1',
        isGlobal: true,
        now: () => 42,
      },
      'b',
      { BucketName: 'b' },
    );
    expect(row).toEqual({
      key: '1//b',
      typeName: 'AWS::S3::Bucket',
      account: '1',
      region: 'us-east-1',
      identifier: 'b',
      properties: { BucketName: 'b' },
      readAt: 42,
    });
  });
});
