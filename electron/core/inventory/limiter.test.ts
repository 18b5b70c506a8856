import { describe, expect, it } from 'vitest';
import { createRateLimiter, createRateLimiters } from './limiter';

describe('rate limiter', () => {
  it('never lets more than the rate through in any one-second window', async () => {
    const limiter = createRateLimiter(50);
    const started = performance.now();
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 75 }, () =>
        limiter.acquire().then(() => times.push(performance.now() - started)),
      ),
    );
    times.sort((a, b) => a - b);
    for (let i = 0; i + 50 < times.length; i++) {
      // The 51st permit after any permit comes at least a second later (a little timer slack).
      expect((times[i + 50] ?? 0) - (times[i] ?? 0)).toBeGreaterThanOrEqual(990);
    }
    // ... and the rate is used, not wasted: 75 permits at 50/s in about 1.3 s.
    expect(times.at(-1)).toBeLessThan(1700);
  });

  it('bursts a fifth of a second at most (a server bucket of the same rate never sees more)', async () => {
    const limiter = createRateLimiter(25);
    const started = performance.now();
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, () =>
        limiter.acquire().then(() => times.push(performance.now() - started)),
      ),
    );
    expect(times.filter((t) => t < 100)).toHaveLength(5);
  });

  it('rejects at once when the caller aborts while waiting', async () => {
    const limiter = createRateLimiter(1);
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
    await expect(limiter.acquire(controller.signal)).rejects.toThrow();
  });

  it('is one limiter per (account, region), shared by whoever asks', () => {
    const limiters = createRateLimiters({ requestsPerSecond: 25 });
    expect(limiters.forRegion('1', 'us-east-1')).toBe(limiters.forRegion('1', 'us-east-1'));
    expect(limiters.forRegion('1', 'us-east-1')).not.toBe(limiters.forRegion('1', 'eu-west-1'));
    expect(limiters.forRegion('1', 'us-east-1')).not.toBe(limiters.forRegion('2', 'us-east-1'));
  });
});
