import { describe, expect, it } from 'vitest';
import { accountIdFor, isTemporaryAccessKeyId, temporaryAccessKeyIdFor } from './account';

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

  it('keeps the accounts long-term keys already had', () => {
    // Pinned: sample ARNs and other tests rely on these staying put.
    expect(accountIdFor('AKIDSANDBOX')).toBe('458413046841');
    expect(isTemporaryAccessKeyId('AKIDSANDBOX')).toBe(false);
    expect(isTemporaryAccessKeyId('ASIAIOSFODNN7EXAMPLE')).toBe(false);
  });
});

describe('temporaryAccessKeyIdFor', () => {
  it('issues 20-character ASIA keys that act in the given account', () => {
    const key = temporaryAccessKeyIdFor('210987654321');
    expect(key).toMatch(/^ASIA210987654321[A-Z0-9]{4}$/);
    expect(isTemporaryAccessKeyId(key)).toBe(true);
    expect(accountIdFor(key)).toBe('210987654321');
  });

  it('refuses something that is not an account id', () => {
    expect(() => temporaryAccessKeyIdFor('12345')).toThrow(/account id/);
  });
});
