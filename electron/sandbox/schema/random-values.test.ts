import { describe, expect, it } from 'vitest';
import { createRandom } from '../prng';
import { randomFrom, randomUuid, UPPER_ALNUM } from './random-values';

describe('random values', () => {
  it('are reproducible from a seed', () => {
    expect(randomUuid(createRandom(3))).toBe(randomUuid(createRandom(3)));
    expect(randomUuid(createRandom(3))).not.toBe(randomUuid(createRandom(4)));
  });

  it('have the requested shape', () => {
    const random = createRandom(1);
    expect(randomFrom(random, UPPER_ALNUM, 17)).toMatch(/^[A-Z0-9]{17}$/);
    expect(randomUuid(random)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('stay inside the alphabet even when the source returns its upper bound', () => {
    expect(randomFrom(() => 0.9999999999, 'ab', 3)).toBe('bbb');
    expect(randomFrom(() => 1, 'ab', 1)).toBe('b');
  });
});
