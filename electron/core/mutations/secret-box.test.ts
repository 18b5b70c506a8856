import { describe, expect, it } from 'vitest';
import { plainSecretBox, safeStorageSecretBox, type SafeStorageLike } from './secret-box';

/** A stand-in for Electron's safeStorage: "encrypts" by reversing the bytes. */
function fakeSafeStorage(available: boolean): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(plain, 'utf8').reverse(),
    decryptString: (encrypted) => Buffer.from(encrypted).reverse().toString('utf8'),
  };
}

describe('secret boxes', () => {
  it('the plain box keeps values as they are', () => {
    expect(plainSecretBox.open(plainSecretBox.seal('s3cret'))).toBe('s3cret');
  });

  it('the safeStorage box seals with the keychain and opens what it sealed', () => {
    const lines: string[] = [];
    const box = safeStorageSecretBox(fakeSafeStorage(true), (line) => lines.push(line));
    const sealed = box.seal('s3cret-Ü');
    expect(box.kind).toBe('safeStorage');
    expect(sealed).not.toContain('s3cret');
    expect(box.open(sealed)).toBe('s3cret-Ü');
    expect(lines).toEqual([]);
  });

  it('without a keychain, keeps values plain and says so in one line', () => {
    const lines: string[] = [];
    const box = safeStorageSecretBox(fakeSafeStorage(false), (line) => lines.push(line));
    expect(box).toBe(plainSecretBox);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/keychain is not available.*readable only by you/);
  });
});
