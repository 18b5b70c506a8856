/** Random identifiers built from a caller-supplied source, so sandbox data is reproducible. */
export type RandomSource = () => number;

const HEX = '0123456789abcdef';
export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const DIGITS = '0123456789';

export function randomFrom(random: RandomSource, alphabet: string, length: number): string {
  let result = '';
  for (let index = 0; index < length; index++) {
    const position = Math.min(alphabet.length - 1, Math.floor(random() * alphabet.length));
    result += alphabet[position] ?? '';
  }
  return result;
}

export function randomHex(random: RandomSource, length: number): string {
  return randomFrom(random, HEX, length);
}

/** An RFC 4122 version-4 shaped UUID. */
export function randomUuid(random: RandomSource): string {
  const variant = HEX[8 + Math.min(3, Math.floor(random() * 4))] ?? '8';
  return [
    randomHex(random, 8),
    randomHex(random, 4),
    '4' + randomHex(random, 3),
    variant + randomHex(random, 3),
    randomHex(random, 12),
  ].join('-');
}

/** A small seeded generator (mulberry32) for tests and sample data. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
