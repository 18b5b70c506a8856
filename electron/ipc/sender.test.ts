import { describe, expect, it } from 'vitest';
import { describeSender, isTrustedSender, type SenderEvent } from './sender';

const from = (url: string): SenderEvent => ({ senderFrame: { url } });

describe('isTrustedSender', () => {
  it('trusts the Cloudshelf window', () => {
    expect(isTrustedSender(from('app://cloudshelf/index.html'))).toBe(true);
    expect(isTrustedSender(from('app://cloudshelf/'))).toBe(true);
  });

  it.each([
    ['a wrong protocol', 'https://cloudshelf/index.html'],
    ['a wrong host', 'app://evil/index.html'],
    ['the "null" origin trap (app://x)', 'app://x'],
    ['a lookalike host', 'app://cloudshelf.evil.com/'],
    ['a file: page', 'file:///opt/cloudshelf/index.html'],
    ['the browser-mode server', 'http://127.0.0.1:5173/'],
    ['a remote page', 'https://evil.example/'],
    ['about:blank', 'about:blank'],
    ['an empty URL', ''],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedSender(from(url))).toBe(false);
  });

  it('refuses a missing sender frame', () => {
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
  });

  it('refuses a destroyed frame whose URL getter throws', () => {
    const destroyed: SenderEvent = {
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(isTrustedSender(destroyed)).toBe(false);
    expect(describeSender(destroyed)).toBe('a missing or destroyed frame');
  });
});

describe('describeSender', () => {
  it('names only the origin, never the path or query', () => {
    expect(describeSender(from('https://evil.example/steal?key=AKIAEXAMPLE'))).toBe(
      'https://evil.example',
    );
    expect(describeSender({ senderFrame: null })).toBe('a missing or destroyed frame');
  });
});
