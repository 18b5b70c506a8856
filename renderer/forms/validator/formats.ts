import { fullFormats } from 'ajv-formats/dist/formats';
import type { Format } from 'ajv';

/**
 * `format` checks, taken from ajv-formats' tables (plain regexes and functions, so they run
 * under the renderer's no-eval Content Security Policy where ajv's compiler cannot).
 */
type Check = { type: 'string' | 'number'; test: (value: string | number) => boolean };

function toCheck(format: Format): Check | undefined {
  if (format === true) return { type: 'string', test: () => true };
  if (typeof format === 'string') return undefined;
  if (format instanceof RegExp) return { type: 'string', test: (v) => format.test(String(v)) };
  if (typeof format === 'function') {
    return { type: 'string', test: (v) => format(String(v)) };
  }
  if (format.async === true) return undefined;
  const { validate } = format;
  const type = format.type === 'number' ? 'number' : 'string';
  if (validate instanceof RegExp) return { type, test: (v) => validate.test(String(v)) };
  if (typeof validate === 'string') return undefined;
  return {
    type,
    // ajv-formats types its number validators over number and its string ones over string.
    test: (v) => (validate as (value: string | number) => boolean)(v),
  };
}

const checks = new Map<string, Check>();
for (const [name, format] of Object.entries<Format>(fullFormats)) {
  const check = toCheck(format);
  if (check) checks.set(name, check);
}

/** Format names the validator understands; prepareSchema drops the others. */
export const KNOWN_FORMATS: ReadonlySet<string> = new Set(checks.keys());

/**
 * Whether `value` satisfies `format`. Unknown formats and values of the wrong type pass, as
 * in JSON Schema (`type` reports those).
 */
export function matchesFormat(format: string, value: unknown): boolean {
  const check = checks.get(format);
  if (!check) return true;
  if (check.type === 'number') return typeof value !== 'number' || check.test(value);
  return typeof value !== 'string' || check.test(value);
}
