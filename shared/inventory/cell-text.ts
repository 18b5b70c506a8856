import type { ColumnKind } from '../contract';

// Epoch numbers below this are seconds, above it milliseconds (1e11 s is the year 5138,
// 1e11 ms is 1973), the usual way to tell AWS's two epoch styles apart.
const EPOCH_SECONDS_BELOW = 1e11;
// Date's own limit; toISOString throws beyond it.
const MAX_DATE_MS = 8.64e15;

// Already canonical: shown exactly as read, without a round trip through Date.
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)?$/;
const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH_TEXT = /^\d+(?:\.\d+)?$/;

/**
 * Epoch milliseconds of a date value: ISO 8601 text, or epoch seconds / milliseconds as a
 * number or digits. NaN when it is not a date. Text without an offset counts as UTC, so the
 * result never depends on the machine's time zone.
 */
export function dateMillis(value: unknown): number {
  if (typeof value === 'number') return epochMillis(value);
  if (typeof value !== 'string') return NaN;
  const text = value.trim();
  if (EPOCH_TEXT.test(text)) return epochMillis(Number(text));
  // The common case (what AWS returns): the engine's own ISO parser is the fastest.
  if (CANONICAL_ISO.test(text)) return Date.parse(text);
  const m = ISO_LIKE.exec(text);
  if (m === null) return NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return NaN;
  }
  const ms = frac === '' ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  const utc = Date.UTC(Number(y), month - 1, day, hour, minute, second, ms);
  return utc - zoneOffsetMillis(zone);
}

function epochMillis(n: number): number {
  if (!Number.isFinite(n)) return NaN;
  const ms = Math.abs(n) < EPOCH_SECONDS_BELOW ? n * 1000 : n;
  return Math.abs(ms) <= MAX_DATE_MS ? Math.round(ms) : NaN;
}

function zoneOffsetMillis(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  return sign * (hours * 60 + minutes) * 60_000;
}

/**
 * The text a cell shows, and what search and text sorting see. Nested values become compact
 * JSON (never `[object Object]`); dates become ISO 8601 in UTC; missing values are empty.
 */
export function cellText(value: unknown, kind: ColumnKind): string {
  if (value === null || value === undefined) return '';
  if (kind === 'date') {
    if (typeof value === 'string' && CANONICAL_ISO.test(value)) return value;
    const ms = dateMillis(value);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return jsonText(value);
    default:
      return '';
  }
}

function jsonText(value: object): string {
  try {
    return JSON.stringify(value);
  } catch {
    // Only reachable for values that did not come over JSON (cycles, BigInt inside).
    return '';
  }
}

/**
 * The numeric sort key of a number, boolean or date cell; NaN when missing or not parseable,
 * so it sorts last. Text and JSON columns sort by their text instead (see collate.ts).
 */
export function sortNumber(value: unknown, kind: ColumnKind): number {
  switch (kind) {
    case 'date':
      return dateMillis(value);
    case 'number':
      if (typeof value === 'number') return value;
      if (typeof value === 'string' && value.trim() !== '') return Number(value);
      return NaN;
    case 'boolean':
      if (value === true || value === 'true') return 1;
      if (value === false || value === 'false') return 0;
      return NaN;
    default:
      return NaN;
  }
}
