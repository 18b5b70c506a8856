import { constants } from 'node:os';

/** The command's exit codes; `cloudshelf --help` lists them, scripts test them. */
export const exitCodes = {
  ok: 0,
  /** Nothing usable came out: bad flags, unknown profile, type or column, credentials, I/O. */
  failure: 1,
  /** Some regions failed; the other regions' rows were written. */
  partial: 2,
  /** Stopped by Ctrl-C (128 + SIGINT, as shells report it). */
  interrupted: 130,
} as const;

/**
 * The signals that stop the command cleanly: Ctrl-C, and what `timeout`, cron, systemd and
 * CI runners send (SIGTERM), or a closed terminal (SIGHUP).
 */
export const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof stopSignals)[number];

/** The signal an abort's reason names; anything else (an in-process abort) counts as Ctrl-C. */
export function stopSignalOf(reason: unknown): StopSignal {
  return stopSignals.find((signal) => signal === reason) ?? 'SIGINT';
}

/** 128 + the signal's number, as shells report it: SIGHUP 129, SIGINT 130, SIGTERM 143. */
export function signalExitCode(signal: StopSignal): number {
  return 128 + constants.signals[signal];
}
