import { describe, expect, it } from 'vitest';
import { randomFrom, randomHex, randomUuid, seededRandom, UPPER_ALNUM } from './random-values';

describe('random values', () => {
  it('are reproducible from a seed', () => {
    expect(randomHex(seededRandom(3), 17)).toBe(randomHex(seededRandom(3), 17));
    expect(randomHex(seededRandom(3), 17)).not.toBe(randomHex(seededRandom(4), 17));
  });

  it('have the requested shape', () => {
    const random = seededRandom(1);
    expect(randomHex(random, 17)).toMatch(/^[0-9a-f]{17}$/);
    expect(randomFrom(random, UPPER_ALNUM, 17)).toMatch(/^[A-Z0-9]{17}$/);
    expect(randomUuid(random)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('stay inside the alphabet even when the source returns its upper bound', () => {
    expect(randomFrom(() => 0.9999999999, 'ab', 3)).toBe('bbb');
    expect(randomFrom(() => 1, 'ab', 1)).toBe('b');
  });

  it('spread over [0, 1)', () => {
    const random = seededRandom(42);
    const draws = Array.from({ length: 1000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(new Set(draws).size).toBe(1000);
  });
});
