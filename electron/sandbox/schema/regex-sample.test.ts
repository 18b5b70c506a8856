import { describe, expect, it } from 'vitest';
import { createRandom } from '../prng';
import { samplePattern, splitTopLevel } from './regex-sample';

function sampleMatches(pattern: string, stretch = 0): string {
  const sample = samplePattern(pattern, createRandom(5), stretch);
  if (sample === undefined) throw new Error(`no sample for ${pattern}`);
  expect(new RegExp(pattern, 'u').test(sample), `${sample} against ${pattern}`).toBe(true);
  return sample;
}

describe('samplePattern', () => {
  it('produces matching strings for registry-style patterns', () => {
    for (const pattern of [
      '^s-[a-z0-9]{8}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{12}$',
      '^arn:aws(-[\\w]+)*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:image\\/[a-zA-Z0-9]([-.]?[a-zA-Z0-9])*$',
      '^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$',
      '^(?:[^:]+)\\.(?<tld>com|net)$',
      '^[^\\s]{1,3}\\d?\\u0041\\x42\\.$',
      '^(?!aws:)[a-zA-Z+-=._:/]+$',
      '\\bword\\b',
    ]) {
      sampleMatches(pattern);
    }
  });

  it('takes the first alternative and the fewest repetitions by default', () => {
    expect(sampleMatches('^(aws|aws-cn|aws-us-gov)$')).toBe('aws');
    expect(sampleMatches('^DRAFT$')).toBe('DRAFT');
    expect(sampleMatches('^a{2,}b*$')).toBe('aa');
  });

  it('stretches open-ended quantifiers, within their maximum', () => {
    expect(sampleMatches('^x+$', 4)).toBe('xxxxx');
    expect(sampleMatches('^x{1,3}$', 10)).toBe('xxx');
  });

  it('prefers lower-case letters and digits where a class allows them', () => {
    expect(sampleMatches('^[^:]{20}$')).toMatch(/^[a-z0-9]{20}$/);
  });

  it('gives up on backreferences and impossible classes', () => {
    expect(samplePattern('^(a)\\1$', createRandom(1))).toBeUndefined();
    expect(samplePattern('^\\p{Script=Cyrillic}$', createRandom(1))).toBeUndefined();
  });
});

describe('splitTopLevel', () => {
  it('splits outside groups, classes and escapes', () => {
    expect(splitTopLevel('arn:(aws|aws-cn):s3:[^:]*:x\\:y', ':')).toEqual([
      'arn',
      '(aws|aws-cn)',
      's3',
      '[^:]*',
      'x\\:y',
    ]);
  });

  it('refuses patterns with top-level alternatives', () => {
    expect(splitTopLevel('a:b|c:d', ':')).toBeUndefined();
  });
});
