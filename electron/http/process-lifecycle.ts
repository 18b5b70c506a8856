// How the command-line entry points (browser mode, the sandbox) end: plain Node, no Electron.

/** What a running server offers to end it. */
export interface Closable {
  close(): Promise<void>;
}

export interface StopOnSignalsOptions {
  /** Where SIGINT and SIGTERM arrive; the real process unless a test passes its own emitter. */
  signals?: { on(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown };
  /** Ends the process; `process.exit` unless a test records the code instead. */
  exit?: (code: number) => void;
  /** How long `close()` may take before the process gives up on it. */
  closeTimeoutMs?: number;
}

export const defaultCloseTimeoutMs = 3_000;

/**
 * On the first SIGINT or SIGTERM, closes `server` and exits 0 (1 if closing fails). A second
 * signal (another Ctrl+C) exits 130 at once, and a close that hangs past the timeout exits 1,
 * so the process always ends.
 */
export function stopOnSignals(server: Closable, options: StopOnSignalsOptions = {}): void {
  const {
    signals = process,
    exit = (code: number) => process.exit(code),
    closeTimeoutMs = defaultCloseTimeoutMs,
  } = options;
  let stopping = false;
  const stop = (): void => {
    if (stopping) {
      exit(130);
      return;
    }
    stopping = true;
    // Unref'd: the timer alone must not keep the process alive once the server has closed.
    setTimeout(() => {
      exit(1);
    }, closeTimeoutMs).unref();
    server.close().then(
      () => {
        exit(0);
      },
      () => {
        exit(1);
      },
    );
  };
  signals.on('SIGINT', stop);
  signals.on('SIGTERM', stop);
}
