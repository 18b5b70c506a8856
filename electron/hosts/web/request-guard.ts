import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { describeHeader, type HttpError } from '../../http/http-util';

/** A fresh secret per launch: 32 random bytes, URL-safe so it can ride in `?token=`. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Compares in constant time. Hashing first gives both sides the same length, so neither
 * the content nor the length of the real token leaks through timing.
 */
export function tokensMatch(presented: string | null | undefined, expected: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0) return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

export function ownOrigin(port: number): string {
  return `http://127.0.0.1:${port}`;
}

/**
 * Refuses requests not addressed to this server exactly (DNS rebinding: a hostile name that
 * resolves to 127.0.0.1 still carries its own Host) and requests sent by another origin
 * (CSRF: browsers always add Origin to cross-origin fetches and EventSources).
 */
export function checkHostAndOrigin(headers: IncomingHttpHeaders, port: number): HttpError | null {
  const expectedHost = `127.0.0.1:${port}`;
  const host = headers.host;
  if (host !== expectedHost) {
    return {
      status: 403,
      code: 'Forbidden',
      message: `Cloudshelf refused a request addressed to "${describeHeader(host ?? '')}".`,
      hint: `Open Cloudshelf at the address \`npm run web\` printed (${ownOrigin(port)}/?token=…); other host names are refused to block DNS-rebinding attacks.`,
    };
  }
  const origin = headers.origin;
  if (origin !== undefined && origin !== ownOrigin(port)) {
    return {
      status: 403,
      code: 'Forbidden',
      message: `Cloudshelf refused a request sent by another site (${describeHeader(origin)}).`,
      hint: 'Only pages served by this Cloudshelf server may use its API; open the address `npm run web` printed.',
    };
  }
  return null;
}

export function checkToken(
  presented: string | null | undefined,
  expected: string,
): HttpError | null {
  if (tokensMatch(presented, expected)) return null;
  return {
    status: 401,
    code: 'Unauthorized',
    message:
      'This request has no valid Cloudshelf access token. Open the address printed by `npm run web`.',
    hint: 'Each launch prints a new address ending in ?token=…; an address from an earlier launch stops working.',
  };
}

/** The token of a call: only from its header, so it never lands in URLs, logs or history. */
export function tokenFromHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}
