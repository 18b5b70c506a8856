import { describe, expect, it } from 'vitest';
import { rankNumbers, sortByRanks } from './rank-sort';

describe('rankNumbers', () => {
  it('gives dense ranks in numeric order, NaN missing', () => {
    const { ranks, missing } = rankNumbers(Float64Array.from([5, NaN, -1, 5, 3.5]), 5);
    expect(missing).toBe(3);
    expect([...ranks]).toEqual([2, 3, 0, 2, 1]);
  });

  it('ranks only the first n keys (the rest is spare capacity)', () => {
    const { ranks, missing } = rankNumbers(Float64Array.from([2, 1, 0, 0]), 2);
    expect([...ranks]).toEqual([1, 0]);
    expect(missing).toBe(2);
  });
});

describe('sortByRanks', () => {
  const status = { ranks: Uint32Array.from([1, 0, 1, 2, 0]), missing: 2 };
  const name = { ranks: Uint32Array.from([0, 1, 2, 3, 4]), missing: 5 };
  const slots = Uint32Array.from([0, 1, 2, 3, 4]);

  it('sorts by the first key, then the next, keeping input order for ties', () => {
    expect([...sortByRanks(slots, [{ ...status, desc: false }])]).toEqual([1, 4, 0, 2, 3]);
    expect([
      ...sortByRanks(slots, [
        { ...status, desc: false },
        { ...name, desc: true },
      ]),
    ]).toEqual([4, 1, 2, 0, 3]);
  });

  it('keeps missing values last when descending', () => {
    expect([...sortByRanks(slots, [{ ...status, desc: true }])]).toEqual([0, 2, 1, 4, 3]);
  });

  it('never writes into the slots it is given', () => {
    const input = Uint32Array.from([4, 3, 2, 1, 0]);
    sortByRanks(input, [
      { ...name, desc: false },
      { ...status, desc: false },
    ]);
    expect([...input]).toEqual([4, 3, 2, 1, 0]);
  });
});
