import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultCloseTimeoutMs, stopOnSignals } from './process-lifecycle';

/** A server whose close() the test settles by hand, and the exit codes the lifecycle chose. */
function setup() {
  const signals = new EventEmitter();
  const exits: number[] = [];
  let closes = 0;
  let settle: { resolve(): void; reject(error: Error): void } | undefined;
  const server = {
    close: () => {
      closes += 1;
      return new Promise<void>((resolve, reject) => {
        settle = { resolve, reject };
      });
    },
  };
  stopOnSignals(server, {
    signals,
    exit: (code) => {
      exits.push(code);
    },
  });
  return {
    signals,
    exits,
    closes: () => closes,
    close: () => {
      if (!settle) throw new Error('close() was never called');
      return settle;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('stopOnSignals', () => {
  it.each(['SIGINT', 'SIGTERM'])(
    'closes the server on %s and exits 0 once it has closed',
    async (signal) => {
      const run = setup();
      expect(run.closes()).toBe(0);
      run.signals.emit(signal);
      expect(run.closes()).toBe(1);
      expect(run.exits).toEqual([]);
      run.close().resolve();
      await vi.advanceTimersByTimeAsync(0);
      expect(run.exits).toEqual([0]);
    },
  );

  it('exits 1 when closing fails', async () => {
    const run = setup();
    run.signals.emit('SIGTERM');
    run.close().reject(new Error('close failed'));
    await vi.advanceTimersByTimeAsync(0);
    expect(run.exits).toEqual([1]);
  });

  it('exits 130 on a second signal without closing again', () => {
    const run = setup();
    run.signals.emit('SIGINT');
    run.signals.emit('SIGINT');
    expect(run.exits).toEqual([130]);
    expect(run.closes()).toBe(1);
  });

  it('exits 1 when closing hangs past the timeout, and not before', async () => {
    const run = setup();
    run.signals.emit('SIGTERM');
    await vi.advanceTimersByTimeAsync(defaultCloseTimeoutMs - 1);
    expect(run.exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(run.exits).toEqual([1]);
  });

  it('does nothing until a signal arrives', async () => {
    const run = setup();
    await vi.advanceTimersByTimeAsync(defaultCloseTimeoutMs * 2);
    expect(run.closes()).toBe(0);
    expect(run.exits).toEqual([]);
  });
});
