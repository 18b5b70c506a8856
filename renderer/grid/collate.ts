/**
 * Text ordering for sorting: the order of `Intl.Collator(undefined, {numeric, base})`
 * ("image-2" before "image-10", case ignored), without calling the collator for printable
 * ASCII text. Sorting 100,000 names with the collator takes most of a second here, and even
 * plain string comparison sorts take 100-200 ms. Instead each text is encoded once into a
 * byte string whose byte order is the collator's order (letters folded to one case,
 * punctuation in the collator's order, a run of digits as one byte carrying its length then
 * its digits); text-sort-keys.ts keeps those per row and radix-sort.ts sorts them. Other
 * text (non-ASCII, control characters, huge numbers) still goes through the collator, so
 * the result is the collator's order either way.
 */

export const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

interface SymbolTable {
  /** Per char code below 0x7f: its byte; DIGIT for 0-9, 0 outside printable ASCII. */
  symbol: Uint8Array;
  /** A digit run of length L encodes as `runBase + L`: longer numbers sort after shorter. */
  runBase: number;
}

const DIGIT = 0xff;
// Longer runs of digits go to the collator (a run's length must fit its byte).
const MAX_RUN = 64;

let table: SymbolTable | null | undefined;

/**
 * The byte table, derived by asking the collator how it orders each printable character
 * and then checked against the collator on probe strings. Null (collator for everything)
 * when the locale disagrees anywhere, e.g. contractions or a different letter order.
 */
function symbolTable(): SymbolTable | null {
  if (table === undefined) table = buildTable();
  return table;
}

function buildTable(): SymbolTable | null {
  const chars: string[] = [];
  for (let c = 0x20; c < 0x7f; c++) {
    const ch = String.fromCharCode(c);
    if (!/[0-9]/.test(ch)) chars.push(ch);
  }
  chars.sort(collator.compare);
  const symbol = new Uint8Array(0x7f);
  for (let c = 0x30; c <= 0x39; c++) symbol[c] = DIGIT;
  // Bytes 1..10 also stand for the digits inside a run; those only ever meet other digits.
  let next = 0;
  let previous: string | null = null;
  let runBase = -1;
  for (const ch of chars) {
    if (previous === null || collator.compare(previous, ch) !== 0) next++;
    // Digits sort just before the first letter (the probes below confirm it).
    if (runBase < 0 && /[a-zA-Z]/.test(ch)) {
      runBase = next;
      next += MAX_RUN + 1;
    }
    symbol[ch.charCodeAt(0)] = next;
    previous = ch;
  }
  if (runBase < 0 || next >= DIGIT) return null;
  const candidate: SymbolTable = { symbol, runBase };
  return agreesWithCollator(candidate) ? candidate : null;
}

function agreesWithCollator(t: SymbolTable): boolean {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const probes: string[] = [];
  for (let c = 0x20; c < 0x7f; c++) {
    const a = String.fromCharCode(c);
    probes.push(a);
    for (const b of letters) probes.push(a + b);
  }
  probes.push('a2', 'a10', 'a010', 'a-2', 'a_10', 'a 1', 'a1b', 'a01b', 'x-9-y', 'x-10-y', '00');
  probes.sort(collator.compare);
  const keys = probes.map((p) => encodeToString(t, p));
  for (let i = 1; i < probes.length; i++) {
    const expected = Math.sign(collator.compare(probes[i - 1] ?? '', probes[i] ?? ''));
    const a = keys[i - 1];
    const b = keys[i];
    if (a == null || b == null) return false;
    if (expected !== (a < b ? -1 : a > b ? 1 : 0)) return false;
  }
  return true;
}

/**
 * Writes the text's bytes at `at` (room for 2 × text.length bytes); returns the end, or -1
 * when only the collator can order the text (non-ASCII, control characters, huge numbers).
 */
function encodeInto(t: SymbolTable, text: string, out: Uint8Array, at: number): number {
  const { symbol, runBase } = t;
  const n = text.length;
  let w = at;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const s = c < 0x7f ? (symbol[c] ?? 0) : 0;
    if (s === 0) return -1;
    if (s !== DIGIT) {
      out[w++] = s;
      i++;
      continue;
    }
    // Numeric collation: leading zeros do not count; the run's length orders it first.
    let end = i + 1;
    while (end < n && isDigit(text.charCodeAt(end))) end++;
    let start = i;
    while (start < end - 1 && text.charCodeAt(start) === 0x30) start++;
    if (end - start > MAX_RUN) return -1;
    out[w++] = runBase + end - start;
    for (let d = start; d < end; d++) out[w++] = text.charCodeAt(d) - 0x2f;
    i = end;
  }
  return w;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The text's bytes as a string (compare with `<`), or null when it needs the collator. */
function encodeToString(t: SymbolTable, text: string): string | null {
  const out = new Uint8Array(text.length * 2 + 1);
  const end = encodeInto(t, text, out, 0);
  return end < 0 ? null : String.fromCharCode(...out.subarray(0, end));
}

/** The collator's order for any two texts (-1, 0, 1), as the sort below computes it. */
export function compareTexts(a: string, b: string): number {
  const t = symbolTable();
  const x = t === null ? null : encodeToString(t, a);
  const y = t === null ? null : encodeToString(t, b);
  if (x === null || y === null) return Math.sign(collator.compare(a, b));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether this locale's order of printable ASCII is computed without the collator. */
export function hasFastOrder(): boolean {
  return symbolTable() !== null;
}

/**
 * Writes the text's sort key at `at` of `out` (room for 2 × text.length bytes); returns
 * the end, or -1 when only the collator can order the text.
 */
export function encodeKey(text: string, out: Uint8Array, at: number): number {
  const t = symbolTable();
  return t === null ? -1 : encodeInto(t, text, out, at);
}
