import type { ProgressEvent } from '@aws-sdk/client-cloudcontrol';
import { isAbortError, sleep } from '../inventory/abort';
import { retryKindOf } from '../inventory/retry';
import { RequestStatus } from '../../../shared/contract';
import { isFinished } from './progress';

/** How often a request's status is asked for. */
export interface PollPolicy {
  /** The first wait when AWS names no RetryAfter; doubles per poll. Default 500 ms. */
  initialDelayMs: number;
  /** The longest wait between polls without a RetryAfter. Default 10 s. */
  maxDelayMs: number;
  /**
   * The longest a RetryAfter is waited for. AWS's clock is not ours: a RetryAfter hours
   * away is clock skew, not advice. Default 5 min.
   */
  maxRetryAfterMs: number;
  /**
   * Polls in a row that may fail with an error that is not transient (credentials expired,
   * access denied) before tracking stops until the next start. Default 5.
   */
  maxFailures: number;
}

export const defaultPollPolicy: PollPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 5 * 60_000,
  maxFailures: 5,
};

/** Time, for the tracker; tests pass a clock they move themselves. */
export interface PollClock {
  now(): number;
  /** Waits `ms`, or rejects when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  random(): number;
}

export const realClock: PollClock = { now: Date.now, sleep, random: Math.random };

/**
 * When to poll next (epoch ms): at RetryAfter when AWS gave one still ahead, else after an
 * exponential backoff with jitter (between half and all of `initialDelayMs · 2^attempt`,
 * capped), so many tracked requests do not poll in lockstep.
 */
export function nextPollAt(
  retryAfter: Date | undefined,
  attempt: number,
  policy: PollPolicy,
  clock: Pick<PollClock, 'now' | 'random'>,
): number {
  const now = clock.now();
  const at = retryAfter?.getTime();
  if (at !== undefined && Number.isFinite(at) && at > now) {
    return Math.min(at, now + policy.maxRetryAfterMs);
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** attempt);
  return now + Math.round(ceiling / 2 + (clock.random() * ceiling) / 2);
}

/** How tracking ended. */
export type TrackingEnd =
  | { kind: 'finished'; event: ProgressEvent }
  /** Cloud Control does not know the token (expired, or another account or region). */
  | { kind: 'unknown-token'; error: Error }
  /** Polls kept failing with errors that are not transient. */
  | { kind: 'failing'; error: unknown }
  /** The service is closing. */
  | { kind: 'stopped' };

export interface TrackOptions {
  requestToken: string;
  /** The latest answer already in hand (CreateResource's, or a listed one), if any. */
  last?: ProgressEvent;
  /** GetResourceRequestStatus for the token. */
  status(requestToken: string, signal: AbortSignal): Promise<ProgressEvent>;
  /** Told about every answer, in order; tracking waits for it before polling again. */
  onProgress(event: ProgressEvent): Promise<void>;
  /** Told about each failed poll that will be tried again (for the log). */
  onRetry?(error: unknown): void;
  policy: PollPolicy;
  clock: PollClock;
  signal: AbortSignal;
}

const finished = (event: ProgressEvent | undefined): boolean => {
  const status = RequestStatus.safeParse(event?.OperationStatus);
  return status.success && isFinished(status.data);
};

/**
 * Polls GetResourceRequestStatus until the request is SUCCESS, FAILED or CANCEL_COMPLETE.
 * Transient failures (throttling, 5xx, dropped connections) are retried for as long as it
 * takes; a RequestTokenNotFound ends tracking at once; other failures end it after
 * `maxFailures` polls in a row. Closing (the signal) ends it as 'stopped'; it throws only
 * what `onProgress` throws.
 */
export async function trackRequest(options: TrackOptions): Promise<TrackingEnd> {
  const { policy, clock, signal } = options;
  let last = options.last;
  let attempt = 0;
  let failures = 0;
  let retryAfter = last?.RetryAfter;
  // A function, not a property read: the signal can abort during any await below.
  const stopping = (): boolean => signal.aborted;
  try {
    for (;;) {
      if (last && finished(last)) return { kind: 'finished', event: last };
      const pollAt = nextPollAt(retryAfter, attempt, policy, clock);
      // Waits in slices, re-reading the clock, so a RetryAfter is never undercut even when
      // the clock jumps (a laptop waking up) or a test moves it.
      for (let left = pollAt - clock.now(); left > 0; left = pollAt - clock.now()) {
        await clock.sleep(Math.min(left, policy.maxDelayMs), signal);
      }
      if (stopping()) return { kind: 'stopped' };
      let event: ProgressEvent;
      try {
        event = await options.status(options.requestToken, signal);
      } catch (error) {
        if (stopping() || isAbortError(error)) return { kind: 'stopped' };
        if (error instanceof Error && error.name === 'RequestTokenNotFoundException') {
          return { kind: 'unknown-token', error };
        }
        if (retryKindOf(error) === undefined && ++failures >= policy.maxFailures) {
          return { kind: 'failing', error };
        }
        options.onRetry?.(error);
        attempt += 1;
        retryAfter = undefined;
        continue;
      }
      failures = 0;
      // A new status starts the backoff again: the next step may be quick.
      attempt = event.OperationStatus === last?.OperationStatus ? attempt + 1 : 0;
      retryAfter = event.RetryAfter;
      last = event;
      await options.onProgress(event);
    }
  } catch (error) {
    if (stopping() || isAbortError(error)) return { kind: 'stopped' };
    throw error;
  }
}
