/** Random identifiers built from a caller-supplied source, so sandbox data is reproducible. */
import { randomHex, type Random } from '../prng';

const HEX = '0123456789abcdef';
export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const DIGITS = '0123456789';

export function randomFrom(random: Random, alphabet: string, length: number): string {
  let result = '';
  for (let index = 0; index < length; index++) {
    const position = Math.min(alphabet.length - 1, Math.floor(random() * alphabet.length));
    result += alphabet[position] ?? '';
  }
  return result;
}

/** An RFC 4122 version-4 shaped UUID. */
export function randomUuid(random: Random): string {
  const variant = HEX[8 + Math.min(3, Math.floor(random() * 4))] ?? '8';
  return [
    randomHex(random, 8),
    randomHex(random, 4),
    '4' + randomHex(random, 3),
    variant + randomHex(random, 3),
    randomHex(random, 12),
  ].join('-');
}
