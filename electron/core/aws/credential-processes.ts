import { randomUUID } from 'node:crypto';
import { CloudshelfError } from '../../../shared/contract';
import type { EventBus } from '../events';
import type { ResolvedProfile } from '../profiles/resolve';
import { programName, runCommand } from './credential-process';
import type { Credentials } from './memoize';
import { parseProcessCredentials } from './process-credentials';

export interface CredentialProcessOptions {
  bus: EventBus;
  /** Stop a command that has not finished by then; null waits for the user to cancel. */
  timeoutMs: number | null;
  log: (line: string) => void;
}

export interface CredentialProcesses {
  /** Runs the profile's credential_process and reads the credentials it prints. */
  run(profile: ResolvedProfile, command: string): Promise<Credentials>;
  /** Kills the profile's running commands; false when none runs. */
  cancel(profile: string): boolean;
  /** Kills every running command (the host is closing). */
  cancelAll(): void;
}

/**
 * The credential_process commands running now, per profile. Each run is announced to the UI
 * (`profiles.credentialProcess`, program name only) when it starts and ends, and can be
 * cancelled or timed out; either kills it and fails every call waiting on it.
 */
export function createCredentialProcesses(options: CredentialProcessOptions): CredentialProcesses {
  const { bus, timeoutMs, log } = options;
  const running = new Map<string, Set<AbortController>>();

  const stopAll = (profile: string): boolean => {
    const controllers = running.get(profile);
    if (!controllers || controllers.size === 0) return false;
    for (const controller of controllers) controller.abort(new CancelledRun());
    return true;
  };

  return {
    async run(profile, command) {
      const { name } = profile.details;
      const program = programName(command);
      const controller = new AbortController();
      const controllers = running.get(name) ?? new Set<AbortController>();
      running.set(name, controllers);
      controllers.add(controller);
      const run = { runId: randomUUID(), profile: name, program, startedAt: Date.now() };
      const timer =
        timeoutMs === null
          ? undefined
          : setTimeout(() => {
              controller.abort(new TimedOutRun());
            }, timeoutMs);
      log(`profile ${name}: running its credential_process (${program})`);
      bus.emit('profiles.credentialProcess', { ...run, state: 'running' });
      try {
        return parseProcessCredentials(name, await runCommand(command, controller.signal));
      } catch (error) {
        if (error instanceof CancelledRun) throw cancelledError(profile, program);
        if (error instanceof TimedOutRun) throw timedOutError(profile, program, timeoutMs ?? 0);
        throw error;
      } finally {
        clearTimeout(timer);
        controllers.delete(controller);
        if (controllers.size === 0) running.delete(name);
        log(`profile ${name}: its credential_process (${program}) ended`);
        bus.emit('profiles.credentialProcess', { ...run, state: 'ended' });
      }
    },
    cancel: stopAll,
    cancelAll() {
      for (const profile of [...running.keys()]) stopAll(profile);
    },
  };
}

class CancelledRun extends Error {}
class TimedOutRun extends Error {}

function runItHint(profile: ResolvedProfile): string {
  const { name } = profile.details;
  return `Run the credential_process command of [profile ${name}] in ${profile.paths.config} in a terminal to see why it does not finish`;
}

function cancelledError(profile: ResolvedProfile, program: string): CloudshelfError {
  return new CloudshelfError(
    'Unauthorized',
    `The credential_process command (${program}) of profile ${profile.details.name} was cancelled.`,
    `${runItHint(profile)}, then try again.`,
  );
}

function timedOutError(profile: ResolvedProfile, program: string, ms: number): CloudshelfError {
  return new CloudshelfError(
    'Unavailable',
    `The credential_process command (${program}) of profile ${profile.details.name} did not finish within ${String(ms / 1000)} s, so Cloudshelf stopped it.`,
    `${runItHint(profile)}; if it only needs longer, give it more time with --credential-timeout <seconds>.`,
  );
}
