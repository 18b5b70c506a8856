import type { ProgressEvent } from '@aws-sdk/client-cloudcontrol';
import { describe, expect, it } from 'vitest';
import { defaultPollPolicy, nextPollAt, trackRequest, type PollClock } from './tracker';

/** A clock that only moves when the tracker sleeps: every poll's time is exact. */
function fakeClock(start = 1_000_000): PollClock & { sleeps: number[] } {
  let t = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    random: () => 0.5,
    sleep: (ms, signal) => {
      if (signal.aborted) return Promise.reject(new DOMException('aborted', 'AbortError'));
      sleeps.push(ms);
      t += ms;
      return Promise.resolve();
    },
  };
}

function serviceError(name: string, status?: number): Error {
  const error = new Error(`${name} happened`);
  error.name = name;
  Object.assign(error, { $metadata: status === undefined ? {} : { httpStatusCode: status } });
  return error;
}

describe('nextPollAt', () => {
  const clock = { now: () => 0, random: () => 1 };

  it('waits for RetryAfter when it lies ahead', () => {
    expect(nextPollAt(new Date(7_000), 0, defaultPollPolicy, clock)).toBe(7_000);
  });

  it('does not wait for a RetryAfter beyond maxRetryAfterMs (clock skew)', () => {
    expect(nextPollAt(new Date(10 * 3_600_000), 0, defaultPollPolicy, clock)).toBe(300_000);
  });

  it('backs off exponentially from 500 ms to a 10 s cap, jittered within half of it', () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6].map((n) =>
      nextPollAt(undefined, n, defaultPollPolicy, clock),
    );
    expect(ceilings).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
    const low = nextPollAt(undefined, 3, defaultPollPolicy, { now: () => 0, random: () => 0 });
    expect(low).toBe(2000);
  });

  it('ignores a RetryAfter already past', () => {
    expect(nextPollAt(new Date(-5), 0, defaultPollPolicy, clock)).toBe(500);
  });
});

describe('trackRequest', () => {
  it('never polls before RetryAfter, and follows the request to its end', async () => {
    const clock = fakeClock();
    const start = clock.now();
    const script: ProgressEvent[] = [
      { OperationStatus: 'IN_PROGRESS', RetryAfter: new Date(start + 4_000) },
      { OperationStatus: 'IN_PROGRESS', RetryAfter: new Date(start + 30_000) },
      { OperationStatus: 'SUCCESS', Identifier: 'arn:x' },
    ];
    const polledAt: number[] = [];
    const seen: ProgressEvent[] = [];
    const end = await trackRequest({
      requestToken: 'tok',
      last: { OperationStatus: 'PENDING', RetryAfter: new Date(start + 1_500) },
      status: () => {
        polledAt.push(clock.now());
        const next = script.shift();
        if (!next) throw new Error('polled after the end');
        return Promise.resolve(next);
      },
      onProgress: (event) => {
        seen.push(event);
        return Promise.resolve();
      },
      policy: defaultPollPolicy,
      clock,
      signal: new AbortController().signal,
    });
    expect(polledAt).toEqual([start + 1_500, start + 4_000, start + 30_000]);
    expect(seen.map((e) => e.OperationStatus)).toEqual(['IN_PROGRESS', 'IN_PROGRESS', 'SUCCESS']);
    expect(end).toEqual({
      kind: 'finished',
      event: { OperationStatus: 'SUCCESS', Identifier: 'arn:x' },
    });
    // Long waits are taken in slices of at most maxDelayMs, re-reading the clock.
    expect(clock.sleeps).toEqual([1_500, 2_500, 10_000, 10_000, 6_000]);
  });

  it('retries throttling, 5xx and dropped connections without giving up', async () => {
    const clock = fakeClock();
    const failures = [
      serviceError('ThrottlingException', 400),
      serviceError('ServiceInternalErrorException', 502),
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      serviceError('ThrottlingException', 400),
      serviceError('ThrottlingException', 400),
      serviceError('ThrottlingException', 400),
    ];
    const retried: unknown[] = [];
    const end = await trackRequest({
      requestToken: 'tok',
      status: () => {
        const failure = failures.shift();
        return failure
          ? Promise.reject(failure)
          : Promise.resolve({ OperationStatus: 'FAILED', ErrorCode: 'NotFound' });
      },
      onProgress: () => Promise.resolve(),
      onRetry: (error) => retried.push(error),
      policy: defaultPollPolicy,
      clock,
      signal: new AbortController().signal,
    });
    expect(retried).toHaveLength(6);
    expect(end).toMatchObject({ kind: 'finished', event: { OperationStatus: 'FAILED' } });
    // Backoff grew while failing: 375, 750, 1500, 3000, 6000, 7500, 7500 ms (random 0.5).
    expect(clock.sleeps).toEqual([375, 750, 1500, 3000, 6000, 7500, 7500]);
  });

  it('ends at once when Cloud Control does not know the token', async () => {
    const end = await trackRequest({
      requestToken: 'gone',
      status: () => Promise.reject(serviceError('RequestTokenNotFoundException', 404)),
      onProgress: () => Promise.resolve(),
      policy: defaultPollPolicy,
      clock: fakeClock(),
      signal: new AbortController().signal,
    });
    expect(end.kind).toBe('unknown-token');
  });

  it('stops after maxFailures errors in a row that are not transient', async () => {
    let polls = 0;
    const end = await trackRequest({
      requestToken: 'tok',
      status: () => {
        polls += 1;
        return Promise.reject(serviceError('AccessDeniedException', 400));
      },
      onProgress: () => Promise.resolve(),
      policy: { ...defaultPollPolicy, maxFailures: 3 },
      clock: fakeClock(),
      signal: new AbortController().signal,
    });
    expect(polls).toBe(3);
    expect(end).toMatchObject({ kind: 'failing', error: { name: 'AccessDeniedException' } });
  });

  it('ends as stopped when its signal aborts, without polling again', async () => {
    const controller = new AbortController();
    let polls = 0;
    const end = await trackRequest({
      requestToken: 'tok',
      status: () => {
        polls += 1;
        controller.abort();
        return Promise.resolve({ OperationStatus: 'IN_PROGRESS' });
      },
      onProgress: () => Promise.resolve(),
      policy: defaultPollPolicy,
      clock: fakeClock(),
      signal: controller.signal,
    });
    expect(end).toEqual({ kind: 'stopped' });
    expect(polls).toBe(1);
  });
});
