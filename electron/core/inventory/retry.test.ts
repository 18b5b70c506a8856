import { describe, expect, it } from 'vitest';
import { backoffMs, retryKindOf, withRetry, type RetryPolicy } from './retry';

const policy: RetryPolicy = {
  throttlingAttempts: 4,
  transientAttempts: 2,
  baseDelayMs: 1,
  maxDelayMs: 4,
};

function awsError(name: string, status?: number): Error {
  const error = new Error(name) as Error & { $metadata: { httpStatusCode?: number } };
  error.name = name;
  error.$metadata = status === undefined ? {} : { httpStatusCode: status };
  return error;
}

function networkError(code: string): Error {
  return Object.assign(new Error('socket hang up'), { code });
}

describe('retryKindOf', () => {
  it('tells throttling, transient and final errors apart', () => {
    expect(retryKindOf(awsError('ThrottlingException', 400))).toBe('throttling');
    expect(retryKindOf(awsError('Whatever', 429))).toBe('throttling');
    expect(retryKindOf(awsError('ServiceInternalErrorException', 502))).toBe('transient');
    expect(retryKindOf(awsError('ServiceUnavailableException', 503))).toBe('transient');
    expect(retryKindOf(networkError('ECONNRESET'))).toBe('transient');
    expect(retryKindOf(awsError('AccessDeniedException', 400))).toBeUndefined();
    expect(retryKindOf(awsError('InvalidRequestException', 400))).toBeUndefined();
    expect(retryKindOf(Object.assign(new Error('x'), { name: 'AbortError' }))).toBeUndefined();
  });
});

describe('withRetry', () => {
  it('retries throttling until it succeeds, within the budget', async () => {
    let calls = 0;
    const retries: string[] = [];
    const value = await withRetry(
      () =>
        ++calls < 4 ? Promise.reject(awsError('ThrottlingException', 400)) : Promise.resolve('ok'),
      policy,
      { onRetry: (kind) => retries.push(kind) },
    );
    expect(value).toBe('ok');
    expect(calls).toBe(4);
    expect(retries).toEqual(['throttling', 'throttling', 'throttling']);
  });

  it('gives up when a budget is spent, and never retries a final error', async () => {
    let calls = 0;
    await expect(
      withRetry(() => {
        calls++;
        return Promise.reject(awsError('ServiceUnavailableException', 503));
      }, policy),
    ).rejects.toThrow('ServiceUnavailableException');
    expect(calls).toBe(2);
    calls = 0;
    await expect(
      withRetry(() => {
        calls++;
        return Promise.reject(awsError('AccessDeniedException', 400));
      }, policy),
    ).rejects.toThrow('AccessDeniedException');
    expect(calls).toBe(1);
  });

  it('stops waiting when aborted', async () => {
    const controller = new AbortController();
    const slow: RetryPolicy = { ...policy, baseDelayMs: 10_000, maxDelayMs: 10_000 };
    const pending = withRetry(() => Promise.reject(awsError('ThrottlingException', 400)), slow, {
      signal: controller.signal,
      random: () => 1,
    });
    setTimeout(() => {
      controller.abort();
    }, 5);
    await expect(pending).rejects.toThrow();
  });

  it('backs off exponentially with full jitter, capped', () => {
    const p: RetryPolicy = { ...policy, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffMs(p, 0, () => 1)).toBe(100);
    expect(backoffMs(p, 3, () => 1)).toBe(800);
    expect(backoffMs(p, 10, () => 1)).toBe(1000);
    expect(backoffMs(p, 10, () => 0.5)).toBe(500);
    expect(backoffMs(p, 10, () => 0)).toBe(0);
  });
});
