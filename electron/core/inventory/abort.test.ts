import { describe, expect, it } from 'vitest';
import { abortReason, isAbortError, raceAbort, sleep } from './abort';

describe('abort helpers', () => {
  it('raceAbort settles with the promise, or rejects when the signal aborts first', async () => {
    await expect(raceAbort(Promise.resolve(1), new AbortController().signal)).resolves.toBe(1);
    const controller = new AbortController();
    const never = new Promise<never>(() => undefined);
    const raced = raceAbort(never, controller.signal);
    controller.abort();
    await expect(raced).rejects.toSatisfy(isAbortError);
  });

  it('sleep rejects when aborted', async () => {
    const controller = new AbortController();
    const waiting = sleep(10_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toSatisfy(isAbortError);
    await expect(sleep(1)).resolves.toBeUndefined();
  });

  it('abortReason keeps an Error reason and names any other one AbortError', () => {
    const controller = new AbortController();
    controller.abort('because');
    expect(abortReason(controller.signal).name).toBe('AbortError');
    const other = new AbortController();
    const reason = new Error('mine');
    other.abort(reason);
    expect(abortReason(other.signal)).toBe(reason);
  });
});
