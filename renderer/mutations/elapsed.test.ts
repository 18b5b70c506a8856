import { describe, expect, it } from 'vitest';
import { elapsedOf, formatElapsed } from './elapsed';

describe('formatElapsed', () => {
  it.each([
    [0, '0.0 s'],
    [420, '0.4 s'],
    [9_999, '9.9 s'],
    [12_300, '12 s'],
    [125_000, '2 min 5 s'],
    [3_840_000, '1 h 4 min'],
    [-5, '0.0 s'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });

  it('counts to the end, or to now while running', () => {
    expect(elapsedOf({ startedAt: 100, finishedAt: 600 }, 9_000)).toBe(500);
    expect(elapsedOf({ startedAt: 100, finishedAt: null }, 9_000)).toBe(8_900);
  });
});
