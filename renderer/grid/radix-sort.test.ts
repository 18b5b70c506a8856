import { describe, expect, it } from 'vitest';
import { radixSort } from './radix-sort';
import { seededRandom } from './seeded-random';

/** Packs keys back to back, the way TextSortKeys stores them. */
function pack(keys: readonly number[][]) {
  const bytes = new Uint8Array(keys.reduce((sum, k) => sum + k.length, 0));
  const start = new Uint32Array(keys.length);
  const length = new Int32Array(keys.length);
  let at = 0;
  keys.forEach((key, slot) => {
    bytes.set(key, at);
    start[slot] = at;
    length[slot] = key.length;
    at += key.length;
  });
  return { bytes, start, length };
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

describe('radixSort', () => {
  it('orders keys bytewise, shorter first, and marks equal neighbours', () => {
    const random = seededRandom(9);
    // Shared prefixes, repeats and keys that are prefixes of others, like real columns.
    const prefixes = [[7, 7, 7, 7, 7, 7, 7, 7, 7], [7, 7, 3], [200], []];
    const keys = Array.from({ length: 3000 }, () => {
      const prefix = prefixes[Math.floor(random() * prefixes.length)] ?? [];
      const tail = Array.from(
        { length: Math.floor(random() * 4) },
        () => 1 + Math.floor(random() * 3),
      );
      return [...prefix, ...tail];
    });
    const { bytes, start, length } = pack(keys);
    const slots = Uint32Array.from(keys.keys());
    const tie = new Uint8Array(slots.length);
    radixSort(slots, tie, bytes, start, length);
    for (let i = 1; i < slots.length; i++) {
      const c = compare(keys[slots[i - 1] ?? 0] ?? [], keys[slots[i] ?? 0] ?? []);
      expect(c).toBeLessThanOrEqual(0);
      expect(tie[i]).toBe(c === 0 ? 1 : 0);
    }
    expect(tie[0]).toBe(0);
  });
});
