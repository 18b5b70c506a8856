import { describe, expect, it } from 'vitest';
import { CallOutcome } from '../../shared/contract';
import { contentSecurityPolicy, describeHeader, errorOutcome } from './http-util';

describe('contentSecurityPolicy', () => {
  it('allows only this origin and forbids plugins, base changes and framing', () => {
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(contentSecurityPolicy).toContain(directive);
    }
    expect(contentSecurityPolicy).not.toContain('unsafe');
  });
});

describe('errorOutcome', () => {
  it('is a CallOutcome the renderer can unwrap', () => {
    const outcome = errorOutcome({ status: 401, code: 'Unauthorized', message: 'm', hint: 'h' });
    expect(CallOutcome.parse(outcome)).toEqual({
      ok: false,
      error: { code: 'Unauthorized', message: 'm', hint: 'h' },
    });
    expect(errorOutcome({ status: 404, code: 'NotFound', message: 'm' })).toEqual({
      ok: false,
      error: { code: 'NotFound', message: 'm' },
    });
  });
});

describe('describeHeader', () => {
  it('keeps echoed header values short and printable', () => {
    expect(describeHeader('a\nb\u0000c')).toBe('a?b?c');
    expect(describeHeader('x'.repeat(500))).toHaveLength(80);
  });
});
