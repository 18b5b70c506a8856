import type { Readable, Writable } from 'node:stream';

/** Everything the command touches outside itself, injectable so tests run it in-process. */
export interface CliIo {
  /** The export's rows (when there is no --out), type and region lists. */
  stdout: Writable & { isTTY?: boolean };
  /** Progress (on a terminal only), warnings and the one-line reason of a failure. */
  stderr: Writable & { isTTY?: boolean; columns?: number };
  /** Answers MFA prompts when it is a terminal. */
  stdin?: (Readable & { isTTY?: boolean }) | undefined;
  env: NodeJS.ProcessEnv;
  /** Shown by --version and reported as the app version. */
  version?: string | undefined;
  /**
   * Aborted on Ctrl-C, SIGTERM or SIGHUP, with the signal's name as its reason: the scan is
   * cancelled, an --out file is not left behind, and the exit code is 128 + the signal.
   */
  signal?: AbortSignal | undefined;
}
