/** How every AWS client Cloudshelf creates retries. */
export interface RetrySettings {
  maxAttempts: number;
  /**
   * `standard`: exponential backoff with full jitter on throttling, 5xx and timeouts.
   * `adaptive`: the same plus a client-side rate limiter that slows down after throttling.
   */
  mode: 'standard' | 'adaptive';
}

/**
 * Scans rely on the SDK for retries: six attempts ride out a burst of throttling (backoff
 * 100 ms doubling, jittered, capped at 20 s) without a failure reaching the caller.
 */
export const defaultRetry: RetrySettings = { maxAttempts: 6, mode: 'standard' };

export function retryConfig(settings: RetrySettings): { maxAttempts: number; retryMode: string } {
  return { maxAttempts: settings.maxAttempts, retryMode: settings.mode };
}
