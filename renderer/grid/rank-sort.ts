/** A column's dense sort ranks per slot; `missing` (one past the largest) marks no value. */
export interface Ranks {
  ranks: Uint32Array;
  missing: number;
}

/**
 * Dense ranks of numeric keys; NaN is missing. Sorting the distinct keys is a native typed
 * array sort, and each slot then finds its rank by binary search.
 */
export function rankNumbers(keys: Float64Array, n: number): Ranks {
  const present = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const k = keys[i] ?? NaN;
    if (!Number.isNaN(k)) present[m++] = k;
  }
  const sorted = present.subarray(0, m).sort();
  let distinct = 0;
  for (let i = 0; i < m; i++) {
    const k = sorted[i] ?? 0;
    if (distinct === 0 || k !== sorted[distinct - 1]) sorted[distinct++] = k;
  }
  const ranks = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i] ?? NaN;
    if (Number.isNaN(k)) {
      ranks[i] = distinct;
      continue;
    }
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] ?? 0) < k) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = lo;
  }
  return { ranks, missing: distinct };
}

export interface RankKey extends Ranks {
  desc: boolean;
}

/**
 * Orders `slots` by the keys, first key first; missing values last in either direction.
 * Ties keep the order `slots` came in. Least significant key first, each a stable counting
 * sort: O(rows + distinct values) per key, no comparisons at all.
 */
export function sortByRanks(slots: Uint32Array, keys: readonly RankKey[]): Uint32Array {
  let from: Uint32Array = slots;
  let to: Uint32Array = new Uint32Array(slots.length);
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k];
    if (key === undefined) continue;
    countingPass(from, to, key);
    [from, to] = [to, from === slots ? new Uint32Array(slots.length) : from];
  }
  return from;
}

function countingPass(from: Uint32Array, to: Uint32Array, { ranks, missing, desc }: RankKey) {
  const count = new Uint32Array(missing + 2);
  const n = from.length;
  const effective = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const r = ranks[from[i] ?? 0] ?? missing;
    // Descending flips present values only, so missing stays last.
    const e = r === missing || !desc ? r : missing - 1 - r;
    effective[i] = e;
    count[e + 1] = (count[e + 1] ?? 0) + 1;
  }
  for (let r = 1; r <= missing + 1; r++) count[r] = (count[r] ?? 0) + (count[r - 1] ?? 0);
  for (let i = 0; i < n; i++) {
    const e = effective[i] ?? 0;
    const at = count[e] ?? 0;
    to[at] = from[i] ?? 0;
    count[e] = at + 1;
  }
}
