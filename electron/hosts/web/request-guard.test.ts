import { describe, expect, it } from 'vitest';
import { checkHostAndOrigin, checkToken, createToken, tokensMatch } from './request-guard';

describe('createToken', () => {
  it('makes 32 random bytes, base64url, different every time', () => {
    const tokens = new Set(Array.from({ length: 50 }, createToken));
    expect(tokens.size).toBe(50);
    for (const token of tokens) {
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });
});

describe('tokensMatch', () => {
  const token = createToken();
  it('accepts only the exact token', () => {
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(`${token}x`, token)).toBe(false);
    expect(tokensMatch(token.slice(1), token)).toBe(false);
    expect(tokensMatch(token.toUpperCase(), token)).toBe(false);
    expect(tokensMatch('', token)).toBe(false);
    expect(tokensMatch(null, token)).toBe(false);
    expect(tokensMatch(undefined, token)).toBe(false);
  });

  it('explains a refusal with what to do', () => {
    expect(checkToken(token, token)).toBeNull();
    const refusal = checkToken('wrong', token);
    expect(refusal?.status).toBe(401);
    expect(refusal?.code).toBe('Unauthorized');
    expect(refusal?.message).toContain('npm run web');
  });
});

describe('checkHostAndOrigin', () => {
  const port = 41234;
  it('accepts its own Host, with or without its own Origin', () => {
    expect(checkHostAndOrigin({ host: '127.0.0.1:41234' }, port)).toBeNull();
    expect(
      checkHostAndOrigin({ host: '127.0.0.1:41234', origin: 'http://127.0.0.1:41234' }, port),
    ).toBeNull();
  });

  it.each([
    ['a rebinding name', { host: 'attacker.example:41234' }],
    ['localhost', { host: 'localhost:41234' }],
    ['no port', { host: '127.0.0.1' }],
    ['another port', { host: '127.0.0.1:41235' }],
    ['no Host at all', {}],
  ])('refuses %s with 403', (_label, headers) => {
    const refusal = checkHostAndOrigin(headers, port);
    expect(refusal?.status).toBe(403);
    expect(refusal?.hint).toContain('http://127.0.0.1:41234/');
  });

  it.each(['http://attacker.example', 'http://127.0.0.1:41235', 'https://127.0.0.1:41234', 'null'])(
    'refuses Origin %s with 403',
    (origin) => {
      const refusal = checkHostAndOrigin({ host: '127.0.0.1:41234', origin }, port);
      expect(refusal?.status).toBe(403);
      expect(refusal?.code).toBe('Forbidden');
    },
  );

  it('does not echo control characters from a hostile header', () => {
    const refusal = checkHostAndOrigin({ host: 'evil\u001b[31m.example' }, port);
    expect(refusal?.message).not.toContain('\u001b');
  });
});
