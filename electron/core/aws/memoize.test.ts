import { describe, expect, it } from 'vitest';
import { memoizeCredentials, type Credentials } from './memoize';

const creds = (expiration?: Date): Credentials => ({
  accessKeyId: 'AKIDMEMO',
  secretAccessKey: 'memo-secret',
  ...(expiration ? { expiration } : {}),
});

describe('memoizeCredentials', () => {
  it('shares one resolution between concurrent callers', async () => {
    let calls = 0;
    const provider = memoizeCredentials(() => {
      calls++;
      return Promise.resolve(creds());
    });
    await Promise.all([provider(), provider(), provider()]);
    await provider();
    expect(calls).toBe(1);
    provider.forget();
    await provider();
    expect(calls).toBe(2);
  });

  it('resolves again shortly before expiry', async () => {
    let t = 0;
    let calls = 0;
    const provider = memoizeCredentials(
      () => {
        calls++;
        return Promise.resolve(creds(new Date(60 * 60_000)));
      },
      () => t,
    );
    await provider();
    t = 50 * 60_000;
    await provider();
    expect(calls).toBe(1);
    t = 56 * 60_000;
    await provider();
    expect(calls).toBe(2);
  });

  it('does not cache a failure', async () => {
    let fail = true;
    const provider = memoizeCredentials(() =>
      fail ? Promise.reject(new Error('no')) : Promise.resolve(creds()),
    );
    await expect(provider()).rejects.toThrow('no');
    fail = false;
    await expect(provider()).resolves.toMatchObject({ accessKeyId: 'AKIDMEMO' });
  });
});
