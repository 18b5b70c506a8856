import { describe, expect, it } from 'vitest';
import { compilePattern, toJsPattern } from './js-pattern';

describe('toJsPattern', () => {
  it('keeps patterns JavaScript already understands', () => {
    expect(toJsPattern('^[a-zA-Z0-9]([-.]?[a-zA-Z0-9])*$')).toBe(
      '^[a-zA-Z0-9]([-.]?[a-zA-Z0-9])*$',
    );
  });

  it.each([
    ['^[a-z]+\\Z', '^[a-z]+$'],
    ['\\A[0-9]+\\z', '^[0-9]+$'],
    ['^[a-zA-Z0-9\\-\\_]+$', '^[a-zA-Z0-9\\-_]+$'],
    ['^[\\w-\\.\\+]+@x$', '^[\\w\\-\\.\\+]+@x$'],
    ['^arn\\:aws$', '^arn:aws$'],
    ['^db\\-instance$', '^db-instance$'],
    ['^[\\x{60}a]$', '^[\\u{60}a]$'],
    ['[\\p{Graph}\\x20]*', '[!-~\\x20]*'],
    ['^\\p{Alnum}+$', '^[a-zA-Z0-9]+$'],
  ])('rewrites %s', (java, js) => {
    expect(toJsPattern(java)).toBe(js);
    expect(compilePattern(js)).not.toBeNull();
  });

  it('means the same after a rewrite', () => {
    const re = compilePattern(toJsPattern('^[a-zA-Z0-9\\-\\_]{2,5}\\Z') ?? '');
    expect(re?.test('a_b-c')).toBe(true);
    expect(re?.test('a b')).toBe(false);
    expect(re?.test('abcdef')).toBe(false);
  });

  it.each([
    '^(?i)[a-z]+$', // inline flags
    '(?s).*',
    '^[a-z]*{1,100}$', // nothing to repeat
    '^\\h+$', // Java's horizontal whitespace, not a letter h
  ])('gives up on %s', (pattern) => {
    expect(toJsPattern(pattern)).toBeUndefined();
  });
});
