import { abortReason, isAbortError, sleep } from './abort';

/**
 * The retry around every Cloud Control call, outside the SDK's own. The SDK retries too, but
 * its standard strategy shares a retry quota that sustained throttling drains (and a
 * profile may be configured with few attempts), after which a throttle would surface as a
 * failure. Here throttling is retried with capped exponential backoff and full jitter until
 * `throttlingAttempts` are spent; server errors and dropped connections a few times.
 */
export interface RetryPolicy {
  /** Attempts (outer) for a throttled call. Default 10. */
  throttlingAttempts: number;
  /**
   * Attempts (outer) for 5xx answers and dropped connections. Default 6: under sustained
   * throttling the SDK's retry quota drains and each outer attempt is one try, so with 10 % 5xx
   * and 30 % throttling a call fails its budget with p ≈ (1/7)^n — at 3 that lost a 5,000-row
   * region in 1 of 6 soak runs (`npm run soak`); at 6 it is ≈ 0.04 failed calls per such run,
   * while a region that is really down still fails within about 6 s of backoff.
   */
  transientAttempts: number;
  /** First backoff ceiling; doubles per attempt. Default 200 ms. */
  baseDelayMs: number;
  /** Backoff ceiling. Default 10 s. */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  throttlingAttempts: 10,
  transientAttempts: 6,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
};

export type RetryKind = 'throttling' | 'transient';

interface ErrorFacts {
  name: string;
  code: string | undefined;
  status: number | undefined;
  throttling: boolean;
}

function factsOf(error: unknown): ErrorFacts | undefined {
  if (!(error instanceof Error)) return undefined;
  const fields = error as Error & {
    code?: unknown;
    $metadata?: { httpStatusCode?: unknown };
    $retryable?: { throttling?: unknown };
  };
  const status = fields.$metadata?.httpStatusCode;
  return {
    name: error.name,
    code: typeof fields.code === 'string' ? fields.code : undefined,
    status: typeof status === 'number' ? status : undefined,
    throttling: fields.$retryable?.throttling === true,
  };
}

const throttlingNames = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);
const networkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/** Whether an error is worth another try, and which budget it spends. */
export function retryKindOf(error: unknown): RetryKind | undefined {
  const facts = factsOf(error);
  if (!facts || isAbortError(error)) return undefined;
  if (facts.throttling || throttlingNames.has(facts.name) || facts.status === 429) {
    return 'throttling';
  }
  if (facts.status !== undefined) return facts.status >= 500 ? 'transient' : undefined;
  if (facts.code !== undefined && networkCodes.has(facts.code)) return 'transient';
  if (facts.name === 'TimeoutError') return 'transient';
  return undefined;
}

export interface RetryDeps {
  signal?: AbortSignal;
  random?: () => number;
  /** Told about each retry (counts for tests and the benchmark). */
  onRetry?: (kind: RetryKind, error: unknown) => void;
}

/** Full jitter: a random delay up to the attempt's exponential ceiling. */
export function backoffMs(policy: RetryPolicy, retry: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(random() * ceiling);
}

export async function withRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  deps: RetryDeps = {},
): Promise<T> {
  const random = deps.random ?? Math.random;
  const used: Record<RetryKind, number> = { throttling: 0, transient: 0 };
  for (let retry = 0; ; retry++) {
    if (deps.signal?.aborted) throw abortReason(deps.signal);
    try {
      return await call();
    } catch (error) {
      if (deps.signal?.aborted) throw abortReason(deps.signal);
      const kind = retryKindOf(error);
      if (kind === undefined) throw error;
      used[kind] += 1;
      const budget = kind === 'throttling' ? policy.throttlingAttempts : policy.transientAttempts;
      if (used[kind] >= budget) throw error;
      deps.onRetry?.(kind, error);
      await sleep(backoffMs(policy, retry, random), deps.signal);
    }
  }
}
