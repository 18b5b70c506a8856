import type { TrackedRequest } from './schemas';

/**
 * Write-only properties (passwords, secret strings): AWS takes them and never shows them
 * again, and neither does Cloudshelf. What a request sent is shown and kept with each such
 * value replaced by this marker (the main process redacts; the window only recognises it).
 */
export const REDACTED = '[write-only value, not kept]';

function holdsMarker(value: unknown): boolean {
  if (value === REDACTED) return true;
  if (Array.isArray(value)) return value.some(holdsMarker);
  return typeof value === 'object' && value !== null && Object.values(value).some(holdsMarker);
}

/**
 * Whether a request's values were redacted: it cannot be sent again as it was, and its patch
 * does not say what the resource now holds.
 */
export function carriesRedactions(
  request: Pick<TrackedRequest, 'desiredState' | 'patch'>,
): boolean {
  return holdsMarker(request.desiredState) || holdsMarker(request.patch);
}
