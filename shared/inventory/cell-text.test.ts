import { describe, expect, it } from 'vitest';
import { cellText, dateMillis, sortNumber } from './cell-text';

describe('cellText', () => {
  it('shows scalars plainly and missing values as nothing', () => {
    expect(cellText('image-1', 'text')).toBe('image-1');
    expect(cellText(42, 'number')).toBe('42');
    expect(cellText(1.5, 'text')).toBe('1.5');
    expect(cellText(true, 'boolean')).toBe('true');
    expect(cellText(false, 'text')).toBe('false');
    expect(cellText(null, 'text')).toBe('');
    expect(cellText(undefined, 'date')).toBe('');
  });

  it('shows nested values as compact JSON, never [object Object]', () => {
    const tags = [{ Key: 'team', Value: 'ml' }];
    expect(cellText(tags, 'json')).toBe('[{"Key":"team","Value":"ml"}]');
    expect(cellText({ Enabled: true }, 'text')).toBe('{"Enabled":true}');
    expect(cellText({ a: { b: [1, 2] } }, 'json')).not.toContain('[object');
  });

  it('shows dates as ISO 8601 in UTC', () => {
    expect(cellText('2024-03-01T10:20:30.123Z', 'date')).toBe('2024-03-01T10:20:30.123Z');
    expect(cellText('2024-03-01T12:20:30+02:00', 'date')).toBe('2024-03-01T10:20:30.000Z');
    expect(cellText('2024-03-01 10:20:30', 'date')).toBe('2024-03-01T10:20:30.000Z');
    expect(cellText(1709288430, 'date')).toBe('2024-03-01T10:20:30.000Z');
    expect(cellText(1709288430123, 'date')).toBe('2024-03-01T10:20:30.123Z');
    expect(cellText('1709288430', 'date')).toBe('2024-03-01T10:20:30.000Z');
    expect(cellText('2024-03-01', 'date')).toBe('2024-03-01');
  });

  it('keeps a date column value it cannot read as a date', () => {
    expect(cellText('08:30', 'date')).toBe('08:30');
    expect(cellText('last tuesday', 'date')).toBe('last tuesday');
    expect(cellText('2024-13-01T00:00:00Z', 'date')).toBe('2024-13-01T00:00:00Z');
  });
});

describe('dateMillis', () => {
  it('reads ISO text, epoch seconds and epoch milliseconds', () => {
    const ms = Date.UTC(2024, 2, 1, 10, 20, 30);
    expect(dateMillis('2024-03-01T10:20:30Z')).toBe(ms);
    expect(dateMillis('2024-03-01T05:20:30-05:00')).toBe(ms);
    expect(dateMillis('2024-03-01T10:20:30.123456Z')).toBe(ms + 123);
    expect(dateMillis(ms / 1000)).toBe(ms);
    expect(dateMillis(ms)).toBe(ms);
  });

  it('is NaN for what is not a date', () => {
    expect(dateMillis('soon')).toBeNaN();
    expect(dateMillis(null)).toBeNaN();
    expect(dateMillis({})).toBeNaN();
    expect(dateMillis(Number.POSITIVE_INFINITY)).toBeNaN();
  });
});

describe('sortNumber', () => {
  it('gives number, date and boolean columns numeric keys, NaN when missing', () => {
    expect(sortNumber(7, 'number')).toBe(7);
    expect(sortNumber('7.5', 'number')).toBe(7.5);
    expect(sortNumber('', 'number')).toBeNaN();
    expect(sortNumber(undefined, 'number')).toBeNaN();
    expect(sortNumber(true, 'boolean')).toBe(1);
    expect(sortNumber('false', 'boolean')).toBe(0);
    expect(sortNumber('maybe', 'boolean')).toBeNaN();
    expect(sortNumber('2024-03-01T00:00:00Z', 'date')).toBe(Date.UTC(2024, 2, 1));
    expect(sortNumber('x', 'text')).toBeNaN();
  });
});
