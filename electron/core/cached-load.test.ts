import { describe, expect, it } from 'vitest';
import { cacheUntilFailure } from './cached-load';

describe('cacheUntilFailure', () => {
  it('starts the load once and gives every caller the same result', async () => {
    let loads = 0;
    const get = cacheUntilFailure(() => Promise.resolve(++loads));
    const [a, b] = await Promise.all([get(), get()]);
    expect([a, b, await get()]).toEqual([1, 1, 1]);
    expect(loads).toBe(1);
  });

  it('forgets a failed load, so the next call tries again', async () => {
    let loads = 0;
    const get = cacheUntilFailure(() =>
      ++loads === 1 ? Promise.reject(new Error('missing file')) : Promise.resolve('loaded'),
    );
    await expect(get()).rejects.toThrow('missing file');
    await expect(get()).resolves.toBe('loaded');
    await expect(get()).resolves.toBe('loaded');
    expect(loads).toBe(2);
  });
});
