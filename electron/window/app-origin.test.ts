import { describe, expect, it } from 'vitest';
import { appEntryUrl, describeUrlOrigin, isAppUrl } from './app-origin';

describe('isAppUrl', () => {
  it.each(['app://cloudshelf/index.html', 'app://cloudshelf/', 'app://cloudshelf/assets/a.js?x=1'])(
    'accepts %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
    },
  );

  it('accepts the entry URL the window loads', () => {
    expect(isAppUrl(appEntryUrl)).toBe(true);
    expect(appEntryUrl).toBe('app://cloudshelf/index.html');
  });

  it.each([
    ['another app:// host (whose .origin is also "null")', 'app://x/'],
    ['a lookalike host', 'app://cloudshelf.evil/'],
    ['an explicit port', 'app://cloudshelf:1234/'],
    ['credentials', 'app://user:pw@cloudshelf/'],
    ['a host-less app: URL', 'app:///cloudshelf/index.html'],
    ['https with the same host', 'https://cloudshelf/index.html'],
    ['file:', 'file:///opt/cloudshelf/index.html'],
    ['the browser-mode server', 'http://127.0.0.1:5173/'],
    ['about:blank', 'about:blank'],
    ['garbage', 'not a url'],
    ['an empty string', ''],
  ])('refuses %s', (_label, url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('does not rely on URL.origin, which is "null" for every app:// host', () => {
    // The trap this module exists to avoid: an origin comparison would accept app://x.
    expect(new URL('app://x').origin).toBe(new URL('app://cloudshelf').origin);
    expect(isAppUrl('app://x')).toBe(false);
  });
});

describe('describeUrlOrigin', () => {
  it('keeps only scheme and host', () => {
    expect(describeUrlOrigin('https://evil.example/path?token=secret')).toBe(
      'https://evil.example',
    );
    expect(describeUrlOrigin('file:///etc/passwd')).toBe('file: URL');
    expect(describeUrlOrigin('::')).toBe('an unparseable URL');
  });
});
