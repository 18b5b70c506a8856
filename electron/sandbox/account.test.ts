import { describe, expect, it } from 'vitest';
import { accountIdFor } from './account';

describe('accountIdFor', () => {
  it('is 12 digits, stable per access key, and different for another key', () => {
    const a = accountIdFor('AKIAEXAMPLE1');
    expect(a).toMatch(/^[1-9]\d{11}$/);
    expect(accountIdFor('AKIAEXAMPLE1')).toBe(a);
    expect(accountIdFor('AKIAEXAMPLE2')).not.toBe(a);
  });

  it('spreads many keys over distinct accounts', () => {
    const ids = new Set(Array.from({ length: 500 }, (_, i) => accountIdFor(`KEY${i}`)));
    expect(ids.size).toBe(500);
  });
});
