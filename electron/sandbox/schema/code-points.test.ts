import { describe, expect, it } from 'vitest';
import { codePointLength } from './code-points';

describe('codePointLength', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('😀é')).toBe(2);
    expect('😀é'.length).toBe(3);
  });
});
