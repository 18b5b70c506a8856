import type { ServerResponse } from 'node:http';
import type { ApiErrorCode, CallOutcome } from '../../shared/contract';
import { rendererContentSecurityPolicy } from './renderer-assets';

/** The same policy the Electron window sends (./renderer-assets.ts). */
export const contentSecurityPolicy = rendererContentSecurityPolicy;

/** Headers every response carries, static or API, success or refusal. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  // Other sites may not embed or read our responses, even as images or scripts.
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
}

/** Writes a JSON body; API answers are never cached. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  res.end(text);
}

/** A failure the server itself detects, in the same envelope a call's answer uses. */
export interface HttpError {
  status: number;
  code: ApiErrorCode;
  message: string;
  hint?: string;
}

export function errorOutcome(error: HttpError): CallOutcome {
  return {
    ok: false,
    error:
      error.hint === undefined
        ? { code: error.code, message: error.message }
        : { code: error.code, message: error.message, hint: error.hint },
  };
}

export function sendError(
  res: ServerResponse,
  error: HttpError,
  extraHeaders: Record<string, string> = {},
): void {
  sendJson(res, error.status, errorOutcome(error), extraHeaders);
}

/** Keeps a header value we echo back in a message short and printable. */
export function describeHeader(value: string): string {
  const printable = value.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 80 ? `${printable.slice(0, 77)}...` : printable;
}
