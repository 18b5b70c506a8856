import type { Writable } from 'node:stream';

/**
 * The destination of an export, seen through backpressure: `write` resolves once `out` has
 * taken the chunk (its buffer is below the high-water mark again), and any error of `out`
 * rejects the write or end waiting on it, and every later one.
 */
export interface Sink {
  write(chunk: Buffer | string): Promise<void>;
  /** Ends `out` and resolves once it has flushed everything ('finish'). */
  end(): Promise<void>;
  /**
   * Bytes `out` has accepted (UTF-8, BOM included): the bytes of each write that resolved.
   * Once `end` resolves, all of them are written; a failure rejects instead.
   */
  readonly bytes: number;
}

export function createSink(out: Writable): Sink {
  let failure: Error | null = null;
  let bytes = 0;
  // Kept for good: an 'error' without a listener would crash the process, and an error that
  // comes between two writes must still fail the next one.
  out.on('error', (error: Error) => {
    failure ??= error;
  });

  function rethrow(): void {
    // `errored` is set at once by destroy(error); the 'error' event may come turns later.
    failure ??= out.errored;
    if (failure !== null) throw failure;
  }

  function check(): void {
    rethrow();
    if (out.destroyed || out.writableEnded) {
      throw new Error('The export destination was closed before the end.');
    }
  }

  /** Resolves on `event`; rejects on an error, or a close that comes first. */
  function until(event: 'drain' | 'finish'): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (error: Error | null): void => {
        out.off(event, onEvent);
        out.off('error', onError);
        out.off('close', onClose);
        if (error === null) resolve();
        else reject(error);
      };
      const onEvent = (): void => {
        done(null);
      };
      const onError = (error: Error): void => {
        done(error);
      };
      const onClose = (): void => {
        done(
          failure ?? out.errored ?? new Error('The export destination was closed before the end.'),
        );
      };
      out.on(event, onEvent);
      out.on('error', onError);
      out.on('close', onClose);
    });
  }

  return {
    get bytes() {
      return bytes;
    },

    async write(chunk) {
      check();
      const size = typeof chunk === 'string' ? Buffer.byteLength(chunk, 'utf8') : chunk.length;
      if (!out.write(chunk)) await until('drain');
      rethrow();
      bytes += size;
    },

    async end() {
      rethrow();
      if (out.writableFinished) return;
      if (out.destroyed) throw new Error('The export destination was closed before the end.');
      const finished = until('finish');
      if (!out.writableEnded) out.end();
      await finished;
      rethrow();
    },
  };
}
