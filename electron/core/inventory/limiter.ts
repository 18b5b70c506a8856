import pThrottle from 'p-throttle';
import { raceAbort } from './abort';

/** One permit per request sent to AWS. */
export interface RateLimiter {
  /** Resolves when a request may go out; rejects at once when `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<void>;
}

/**
 * Cloud Control throttles per account and region (from about 25 requests/s), counting
 * every call: lists, reads and mutations, from every scan. So there is one limiter per
 * (account, region), shared by everything the app sends there.
 */
export interface RateLimiters {
  forRegion(account: string, region: string): RateLimiter;
}

export interface RateLimitOptions {
  /** Requests per second per (account, region). Default 25. */
  requestsPerSecond?: number;
}

export const defaultRequestsPerSecond = 25;

/**
 * Sliding-window permits from p-throttle. The window is a fifth of a second (5 permits per
 * 200 ms at 25/s) rather than a full second: the same rate, but bursts small enough that a
 * server-side token bucket of the same rate never sees a burst it would throttle, even when
 * network jitter bunches requests up.
 */
export function createRateLimiter(requestsPerSecond: number): RateLimiter {
  if (!(requestsPerSecond > 0)) throw new Error('requestsPerSecond must be above 0');
  const burst = Math.max(1, Math.floor(requestsPerSecond / 5));
  const permit = pThrottle({
    limit: burst,
    interval: (burst * 1000) / requestsPerSecond,
    strict: true,
  })(() => Promise.resolve());
  return {
    // A permit a cancelled caller no longer wants is still spent when its turn comes: at most
    // the few requests that were queued, and it keeps the limiter simple and shared.
    acquire: (signal) => raceAbort(permit(), signal),
  };
}

export function createRateLimiters(options: RateLimitOptions = {}): RateLimiters {
  const rps = options.requestsPerSecond ?? defaultRequestsPerSecond;
  const limiters = new Map<string, RateLimiter>();
  return {
    forRegion(account, region) {
      const key = `${account}/${region}`;
      let limiter = limiters.get(key);
      if (!limiter) {
        limiter = createRateLimiter(rps);
        limiters.set(key, limiter);
      }
      return limiter;
    },
  };
}
