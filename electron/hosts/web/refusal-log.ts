import type { Logger } from '../dispatch';

export interface RefusalLogOptions {
  log: Logger;
  /** Refusals logged one by one per window; the rest are counted. Default 5. */
  perWindow?: number;
  /** Default one minute. */
  windowMs?: number;
  now?: () => number;
  /** Runs the window's count line when the window ends; an unref'd timer by default. */
  later?: (run: () => void, ms: number) => void;
}

export interface RefusalLog {
  refused(line: string): void;
  /** Writes the count of a window still open (on close). */
  flush(): void;
}

const defaultLater = (run: () => void, ms: number): void => {
  setTimeout(run, ms).unref();
};

/**
 * Lines for refused requests (wrong Host or Origin), rate-limited: any local process can send
 * those as fast as it likes, so only the first few of each minute are written and the others
 * become one count line when the minute ends.
 */
export function createRefusalLog(options: RefusalLogOptions): RefusalLog {
  const perWindow = options.perWindow ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const later = options.later ?? defaultLater;
  let windowStart: number | undefined;
  let written = 0;
  let suppressed = 0;

  const flush = (): void => {
    if (suppressed > 0) {
      options.log(
        `refused ${suppressed} more request${suppressed === 1 ? '' : 's'} (wrong Host or Origin) in ${Math.round(windowMs / 1000)} s, not logged one by one`,
      );
    }
    windowStart = undefined;
    written = 0;
    suppressed = 0;
  };

  return {
    refused(line) {
      const at = now();
      if (windowStart !== undefined && at - windowStart >= windowMs) flush();
      if (windowStart === undefined) {
        windowStart = at;
        const started = at;
        later(() => {
          if (windowStart === started) flush();
        }, windowMs);
      }
      if (written < perWindow) {
        written += 1;
        options.log(line);
      } else {
        suppressed += 1;
      }
    },
    flush,
  };
}
