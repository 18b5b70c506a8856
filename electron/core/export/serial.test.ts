import { describe, expect, it } from 'vitest';
import { createSerial } from './serial';
import { settle } from './test-support/streams';

describe('createSerial', () => {
  it('runs overlapping tasks one after another, in order', async () => {
    const serial = createSerial();
    const log: string[] = [];
    const task = (name: string, turns: number) => async () => {
      log.push(`${name} start`);
      await settle(turns);
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([serial(task('a', 5)), serial(task('b', 1))]);
    expect(results).toEqual(['a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('fails only the failed task; the next one still runs', async () => {
    const serial = createSerial();
    const failed = serial(() => Promise.reject(new Error('no')));
    const next = serial(() => Promise.resolve('yes'));
    await expect(failed).rejects.toThrow('no');
    await expect(next).resolves.toBe('yes');
  });
});
