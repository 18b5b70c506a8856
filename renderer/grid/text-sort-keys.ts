import { collator, encodeKey } from './collate';
import { radixSort } from './radix-sort';

/** Dense sort ranks per slot; `missing` (one past the largest) marks an empty value. */
export interface TextRanks {
  ranks: Uint32Array;
  missing: number;
}

const COLLATOR_ONLY = -1;
// Below this many bytes, garbage is not worth a pass.
const COLLECT_MIN = 1 << 20;

/**
 * The encoded sort keys of one text column, kept per slot so that later sorts (after more
 * rows arrive) only encode the new rows. Keys live back to back in one byte buffer.
 */
export class TextSortKeys {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private start = new Uint32Array(1024);
  /** Encoded length per slot; COLLATOR_ONLY for text only the collator can order. */
  private length = new Int32Array(1024);
  /** Slots below this may hold a key. */
  private high = 0;
  /** When `used` passes this, see whether replaced keys' bytes are worth collecting. */
  private collectAt = COLLECT_MIN;

  /** Encodes the text for a slot, replacing any earlier key (its bytes become garbage). */
  set(slot: number, text: string): void {
    if (slot >= this.start.length) this.growSlots(slot + 1);
    this.high = Math.max(this.high, slot + 1);
    // A digit run adds one length byte per run, at most doubling the length.
    const room = text.length * 2;
    if (this.used + room > this.bytes.length) this.growBytes(this.used + room);
    const end = encodeKey(text, this.bytes, this.used);
    if (end < 0) {
      this.length[slot] = COLLATOR_ONLY;
      return;
    }
    this.start[slot] = this.used;
    this.length[slot] = end - this.used;
    this.used = end;
    if (this.used > this.collectAt) this.collect();
  }

  /** Forgets slots from `n` on (rows removed from the end after compaction). */
  truncate(n: number): void {
    this.high = Math.min(this.high, n);
  }

  /** Makes room for about this many more bytes at once, rather than doubling up to it. */
  reserve(bytes: number): void {
    // Digit runs add a byte each; a quarter more covers text that is mostly numbers.
    const needed = this.used + Math.ceil(bytes * 1.25);
    if (needed > this.bytes.length) this.growBytes(needed);
  }

  /** Moves a slot's key (compaction after rows are removed). */
  move(from: number, to: number): void {
    this.start[to] = this.start[from] ?? 0;
    this.length[to] = this.length[from] ?? 0;
  }

  /**
   * Ranks of slots 0..n-1 in collator order; equal texts share a rank, and empty text (`texts`
   * gives the display text) is missing.
   */
  rank(texts: readonly string[], n: number): TextRanks {
    const simple: number[] = [];
    const complex: number[] = [];
    for (let slot = 0; slot < n; slot++) {
      const length = this.length[slot] ?? 0;
      // Only empty text encodes to nothing: every character is at least one byte.
      if (length === COLLATOR_ONLY) complex.push(slot);
      else if (length > 0) simple.push(slot);
    }
    const sorted = Uint32Array.from(simple);
    // tie[i]: sorted[i] sorts equal to sorted[i - 1].
    const tie = new Uint8Array(sorted.length);
    radixSort(sorted, tie, this.bytes, this.start, this.length);
    const { order, ties } = mergeCollatorOnly(sorted, tie, complex, texts);

    const ranks = new Uint32Array(n);
    let rank = -1;
    for (let i = 0; i < order.length; i++) {
      if (ties[i] !== 1) rank++;
      ranks[order[i] ?? 0] = rank;
    }
    const missing = rank + 1;
    for (let slot = 0; slot < n; slot++) if (this.length[slot] === 0) ranks[slot] = missing;
    return { ranks, missing };
  }

  private growSlots(needed: number): void {
    const size = Math.max(needed, this.start.length * 2);
    const start = new Uint32Array(size);
    start.set(this.start);
    const length = new Int32Array(size);
    length.set(this.length);
    this.start = start;
    this.length = length;
  }

  /**
   * Re-read rows leave their old keys' bytes behind; once they are over half the buffer,
   * copy the live keys into a fresh one. Checked at doubling sizes, so it stays O(1) per key.
   */
  private collect(): void {
    let live = 0;
    for (let slot = 0; slot < this.high; slot++) live += Math.max(this.length[slot] ?? 0, 0);
    if (live * 2 < this.used) {
      const bytes = new Uint8Array(Math.max(Math.ceil(live * 1.5), 1 << 16));
      let at = 0;
      for (let slot = 0; slot < this.high; slot++) {
        const length = this.length[slot] ?? 0;
        if (length <= 0) continue;
        const from = this.start[slot] ?? 0;
        bytes.set(this.bytes.subarray(from, from + length), at);
        this.start[slot] = at;
        at += length;
      }
      this.bytes = bytes;
      this.used = at;
    }
    this.collectAt = Math.max(COLLECT_MIN, this.used * 2);
  }

  private growBytes(needed: number): void {
    const bytes = new Uint8Array(Math.max(needed, this.bytes.length * 2));
    bytes.set(this.bytes.subarray(0, this.used));
    this.bytes = bytes;
  }
}

/** Ranks `texts[0..n)` from scratch (see TextSortKeys). */
export function rankTexts(texts: readonly string[], n: number): TextRanks {
  const keys = new TextSortKeys();
  for (let slot = 0; slot < n; slot++) keys.set(slot, texts[slot] ?? '');
  return keys.rank(texts, n);
}

/** Places the collator-only texts among the sorted ones (binary search per text). */
function mergeCollatorOnly(
  sorted: Uint32Array,
  tie: Uint8Array,
  complex: number[],
  texts: readonly string[],
): { order: Uint32Array; ties: Uint8Array } {
  if (complex.length === 0) return { order: sorted, ties: tie };
  const text = (slot: number) => texts[slot] ?? '';
  complex.sort((a, b) => collator.compare(text(a), text(b)));
  const order = new Uint32Array(sorted.length + complex.length);
  const ties = new Uint8Array(order.length);
  let m = 0;
  // known: whether it ties with the slot placed before it, where the radix sort knows.
  const place = (slot: number, known: boolean | null) => {
    const same = known ?? (m > 0 && collator.compare(text(order[m - 1] ?? 0), text(slot)) === 0);
    ties[m] = same ? 1 : 0;
    order[m++] = slot;
  };
  let from = 0;
  for (const slot of complex) {
    let lo = from;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (collator.compare(text(sorted[mid] ?? 0), text(slot)) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = from; i < lo; i++) place(sorted[i] ?? 0, i > from ? tie[i] === 1 : null);
    place(slot, null);
    from = lo;
  }
  for (let i = from; i < sorted.length; i++) place(sorted[i] ?? 0, i > from ? tie[i] === 1 : null);
  return { order, ties };
}
