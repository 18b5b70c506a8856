import { describe, expect, it } from 'vitest';
import { firstFitting, fitsNode } from './value-fit';

describe('fitsNode', () => {
  it('checks lengths in code points, patterns, enums and ranges', () => {
    const name = { type: 'string', minLength: 1, maxLength: 3, pattern: '^[a-z]+$' };
    expect(fitsNode('abc', name)).toBe(true);
    expect(fitsNode('abcd', name)).toBe(false);
    expect(fitsNode('', name)).toBe(false);
    expect(fitsNode('AB', name)).toBe(false);
    expect(fitsNode('😀😀', { maxLength: 2 })).toBe(true);
    expect(fitsNode('B', { enum: ['A'] })).toBe(false);
    expect(fitsNode(5, { minimum: 1, maximum: 4 })).toBe(false);
    expect(fitsNode(4, { minimum: 1, maximum: 4 })).toBe(true);
  });

  it('ignores patterns JavaScript cannot compile, and missing nodes', () => {
    expect(fitsNode('anything', { pattern: '(?s).+' })).toBe(true);
    expect(fitsNode('anything', undefined)).toBe(true);
  });
});

describe('firstFitting', () => {
  it('returns the first accepted candidate, else the first one', () => {
    expect(firstFitting(['a-b', 'ab'], { pattern: '^[a-z]+$' })).toBe('ab');
    expect(firstFitting(['1', '2'], { pattern: '^[a-z]+$' })).toBe('1');
    expect(firstFitting<string>([], undefined)).toBeUndefined();
  });
});
