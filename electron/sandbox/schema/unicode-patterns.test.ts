import { describe, expect, it } from 'vitest';
import { compileUnicodePattern, isUsablePattern } from './unicode-patterns';

describe('compileUnicodePattern', () => {
  it('compiles Unicode property classes and look-behind in u mode', () => {
    expect(compileUnicodePattern('^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$')?.test('Ünïcode 1')).toBe(
      true,
    );
    expect(compileUnicodePattern('^(?<!aws:).*$')?.flags).toBe('u');
  });

  it('returns undefined for Java-only syntax, and remembers the answer', () => {
    expect(compileUnicodePattern('(?s).+')).toBeUndefined();
    expect(compileUnicodePattern('^[a-zA-Z0-9\\-\\_]{2,50}$')).toBeUndefined();
    expect(isUsablePattern('(?s).+')).toBe(false);
    expect(isUsablePattern('.+')).toBe(true);
    expect(compileUnicodePattern('.+')).toBe(compileUnicodePattern('.+'));
  });
});
