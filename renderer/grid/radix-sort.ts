/**
 * MSD radix sort of byte-string keys (see text-sort-keys.ts): one counting pass per byte
 * position and a skip over prefixes a whole range shares, so no key is compared with another
 * except in small ranges.
 */

// Ranges this small are insertion sorted: a counting pass over 256 buckets costs more.
const SMALL = 12;

/**
 * MSD radix sort of slots by their keys, in place; marks equal neighbours in `tie`. Slot
 * s's key is `bytes[start[s] .. start[s] + length[s])` and holds no zero byte (zero stands
 * for "ended", so shorter keys sort first). A range where every key has the same next byte
 * (a shared prefix) costs one cheap pass.
 */
export function radixSort(
  slots: Uint32Array,
  tie: Uint8Array,
  bytes: Uint8Array,
  start: Uint32Array,
  length: Int32Array,
): void {
  const n = slots.length;
  const words = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const symbols = new Uint8Array(n);
  const tmp = new Uint32Array(n);
  const count = new Uint32Array(256);
  const stack: number[] = [0, n, 0];

  while (stack.length > 0) {
    let depth = stack.pop() ?? 0;
    const hi = stack.pop() ?? 0;
    const lo = stack.pop() ?? 0;
    if (hi - lo <= SMALL) {
      insertionSort(slots, tie, bytes, start, length, lo, hi, depth);
      continue;
    }
    depth += sharedPrefix(slots, bytes, words, start, length, lo, hi, depth);
    // count is all zeros between passes; only [least, most] is touched.
    let least = 255;
    let most = 0;
    for (let i = lo; i < hi; i++) {
      const slot = slots[i] ?? 0;
      // 0 = the key ended: shorter keys first.
      const s = depth < (length[slot] ?? 0) ? (bytes[(start[slot] ?? 0) + depth] ?? 0) : 0;
      symbols[i] = s;
      count[s] = (count[s] ?? 0) + 1;
      if (s < least) least = s;
      if (s > most) most = s;
    }
    if (least === most) {
      count[least] = 0;
      // Same next byte everywhere: nothing moves. All ended means all equal.
      if (least === 0) tie.fill(1, lo + 1, hi);
      else stack.push(lo, hi, depth + 1);
      continue;
    }
    let at = lo;
    for (let s = least; s <= most; s++) {
      const size = count[s] ?? 0;
      count[s] = at;
      if (size > 1) {
        if (s === 0) tie.fill(1, at + 1, at + size);
        else stack.push(at, at + size, depth + 1);
      }
      at += size;
    }
    for (let i = lo; i < hi; i++) {
      const s = symbols[i] ?? 0;
      const to = count[s] ?? 0;
      tmp[to] = slots[i] ?? 0;
      count[s] = to + 1;
    }
    count.fill(0, least, most + 1);
    slots.set(tmp.subarray(lo, hi), lo);
  }
}

/**
 * How many bytes from `depth` on every key in the range shares. Reading each key's bytes in
 * a row is far cheaper than one counting pass per shared byte (each pass jumps across the
 * whole buffer), and long shared prefixes are common: ARNs, "prod-…" names.
 */
function sharedPrefix(
  slots: Uint32Array,
  bytes: Uint8Array,
  words: DataView,
  start: Uint32Array,
  length: Int32Array,
  lo: number,
  hi: number,
  depth: number,
): number {
  const first = slots[lo] ?? 0;
  const base = (start[first] ?? 0) + depth;
  let shared = (length[first] ?? 0) - depth;
  for (let i = lo + 1; i < hi && shared > 0; i++) {
    const slot = slots[i] ?? 0;
    const at = (start[slot] ?? 0) + depth;
    const limit = Math.min(shared, (length[slot] ?? 0) - depth);
    let k = 0;
    // Four bytes at a time while they match, then byte by byte.
    while (k + 4 <= limit && words.getUint32(at + k) === words.getUint32(base + k)) k += 4;
    while (k < limit && bytes[at + k] === bytes[base + k]) k++;
    shared = k;
  }
  return Math.max(shared, 0);
}

function insertionSort(
  slots: Uint32Array,
  tie: Uint8Array,
  bytes: Uint8Array,
  start: Uint32Array,
  length: Int32Array,
  lo: number,
  hi: number,
  depth: number,
): void {
  const compare = (a: number, b: number): number => {
    const la = length[a] ?? 0;
    const lb = length[b] ?? 0;
    const sa = start[a] ?? 0;
    const sb = start[b] ?? 0;
    const end = Math.min(la, lb);
    for (let d = depth; d < end; d++) {
      const x = bytes[sa + d] ?? 0;
      const y = bytes[sb + d] ?? 0;
      if (x !== y) return x - y;
    }
    return la - lb;
  };
  for (let i = lo + 1; i < hi; i++) {
    const slot = slots[i] ?? 0;
    let j = i - 1;
    while (j >= lo && compare(slots[j] ?? 0, slot) > 0) {
      slots[j + 1] = slots[j] ?? 0;
      j--;
    }
    slots[j + 1] = slot;
  }
  for (let i = lo + 1; i < hi; i++) {
    tie[i] = compare(slots[i - 1] ?? 0, slots[i] ?? 0) === 0 ? 1 : 0;
  }
}
