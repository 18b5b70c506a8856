import { describe, expect, it } from 'vitest';
import { memoryStorage } from './test-doubles';
import { takeToken, tokenStorageKey, type TokenPlace } from './token';

function place(href: string, storage: Storage = memoryStorage()) {
  const replaced: string[] = [];
  const value: TokenPlace = {
    location: { href },
    history: {
      state: null,
      replaceState: (_state: unknown, _unused: string, url?: string | URL | null) => {
        replaced.push(String(url));
      },
    },
    sessionStorage: storage,
  };
  return { place: value, replaced, storage };
}

describe('takeToken', () => {
  it('takes the token from the URL, stores it and hides it from the address bar', () => {
    const { place: p, replaced, storage } = place('http://127.0.0.1:9/?token=abc&x=1#top');
    expect(takeToken(p)).toBe('abc');
    expect(storage.getItem(tokenStorageKey)).toBe('abc');
    expect(replaced).toEqual(['/?x=1#top']);
  });

  it('finds the stored token after a reload, without touching the URL', () => {
    const storage = memoryStorage({ [tokenStorageKey]: 'kept' });
    const { place: p, replaced } = place('http://127.0.0.1:9/', storage);
    expect(takeToken(p)).toBe('kept');
    expect(replaced).toEqual([]);
  });

  it('prefers a new token in the URL over an old stored one (a new launch)', () => {
    const storage = memoryStorage({ [tokenStorageKey]: 'old' });
    const { place: p } = place('http://127.0.0.1:9/?token=new', storage);
    expect(takeToken(p)).toBe('new');
    expect(storage.getItem(tokenStorageKey)).toBe('new');
  });

  it('returns null when there is no token anywhere', () => {
    expect(takeToken(place('http://127.0.0.1:9/').place)).toBeNull();
  });

  it('still works when storage is unavailable', () => {
    const { place: p, replaced } = place('http://127.0.0.1:9/?token=abc');
    const blocked: TokenPlace = {
      ...p,
      get sessionStorage(): Storage {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(takeToken(blocked)).toBe('abc');
    expect(replaced).toEqual(['/']);
  });
});
