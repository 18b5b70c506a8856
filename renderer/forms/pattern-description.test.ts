import { describe, expect, it } from 'vitest';
import { describePattern } from './pattern-description';

describe('describePattern', () => {
  it.each([
    ['^[a-zA-Z0-9]([-.]?[a-zA-Z0-9])*$', 'letters, digits, hyphens and periods'],
    ['^[a-z0-9-]+$', 'lowercase letters, digits and hyphens'],
    ['^[A-Za-z0-9 -_]+$', undefined], // " -_" is a range: too odd to summarise
    ['^[\\w-]{1,64}$', 'letters, digits, hyphens and underscores'],
    ['^\\d{12}$', 'digits'],
    [
      '^[a-zA-Z0-9_.:/=+@-]*$',
      'letters, digits, periods, colons, slashes, =, +, @, hyphens and underscores',
    ],
  ])('describes %s', (pattern, words) => {
    expect(describePattern(pattern)).toBe(words);
  });

  it.each(['^arn:aws:.*$', '.+', '^[^/]+$', '^(dev|prod)$', '^[a-f0-9]{32}$'])(
    'leaves %s alone',
    (pattern) => {
      expect(describePattern(pattern)).toBeUndefined();
    },
  );
});
