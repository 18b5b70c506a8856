import { describe, expect, it } from 'vitest';
import { createRandom, pick, randomHex, randomInt, seedFromString, shuffled } from './prng';

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
  });

  it('stays in [0, 1) and spreads values', () => {
    const random = createRandom(7);
    const values = Array.from({ length: 2000 }, () => random());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const low = values.filter((v) => v < 0.5).length;
    expect(low).toBeGreaterThan(900);
    expect(low).toBeLessThan(1100);
  });
});

describe('helpers', () => {
  it('seedFromString is stable and text-sensitive', () => {
    expect(seedFromString('abc')).toBe(seedFromString('abc'));
    expect(seedFromString('abc')).not.toBe(seedFromString('abd'));
  });

  it('randomInt stays within bounds, inclusive', () => {
    const random = createRandom(1);
    const seen = new Set(Array.from({ length: 200 }, () => randomInt(random, 2, 4)));
    expect([...seen].sort()).toEqual([2, 3, 4]);
  });

  it('pick, randomHex and shuffled', () => {
    const random = createRandom(3);
    expect(['a', 'b']).toContain(pick(random, ['a', 'b']));
    expect(() => pick(random, [])).toThrow();
    expect(randomHex(random, 17)).toMatch(/^[0-9a-f]{17}$/);
    const items = [1, 2, 3, 4, 5, 6];
    const out = shuffled(random, items);
    expect([...out].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
