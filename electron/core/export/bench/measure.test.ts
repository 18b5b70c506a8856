import { describe, expect, it } from 'vitest';
import { CountingWritable, measureMemory, measureTime } from './measure';

describe('CountingWritable', () => {
  it('counts bytes and pushes back past 64 KiB', async () => {
    const out = new CountingWritable();
    expect(out.write(Buffer.alloc(32 * 1024))).toBe(true);
    expect(out.write(Buffer.alloc(40 * 1024))).toBe(false);
    await new Promise((resolve) => out.once('drain', resolve));
    expect(out.bytes).toBe(72 * 1024);
  });
});

describe('measureTime', () => {
  it('runs each writer over the same rows', async () => {
    const ours = await measureTime('ours', 300);
    const bare = await measureTime('bare', 300);
    const rows = await measureTime('rows', 300);
    expect(ours.ms).toBeGreaterThanOrEqual(0);
    // The same CSV give or take the cells the two cast differently (booleans, dates).
    expect(bare.bytes / ours.bytes).toBeGreaterThan(0.9);
    expect(bare.bytes / ours.bytes).toBeLessThan(1.1);
    expect(rows.bytes).toBe(0);
  });
});

describe('measureMemory', () => {
  it('reports the peak and live memory of a run', async () => {
    const result = await measureMemory('ours', 3000);
    expect(result.bytes).toBeGreaterThan(0);
    expect(result.maxRssBytes).toBeGreaterThan(0);
    expect(result.peakHeapBytes).toBeGreaterThan(0);
    // Without --expose-gc (as under vitest) there is no live figure to take.
    if (globalThis.gc === undefined) expect(result.liveHeapBytes).toBe(0);
  });
});
