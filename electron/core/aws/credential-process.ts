import { spawn, type ChildProcess } from 'node:child_process';

/** As much stdout as node's `exec` (which the SDK uses) accepts: 1 MiB. */
const maxOutputBytes = 1024 * 1024;
/** How long a process asked to stop (SIGTERM) may take before it is killed outright. */
const killGraceMs = 2000;

/**
 * The program a credential_process command runs, without its folder or arguments: the
 * arguments may carry secrets (`--token …`), and this is what the UI and logs show.
 */
export function programName(command: string): string {
  const trimmed = command.trim();
  const quote = trimmed[0] === '"' || trimmed[0] === "'" ? trimmed[0] : undefined;
  const first = quote
    ? trimmed.slice(1, trimmed.indexOf(quote, 1) === -1 ? undefined : trimmed.indexOf(quote, 1))
    : (trimmed.split(/\s/)[0] ?? '');
  const name = first.split(/[\\/]/).pop() ?? '';
  return name === '' ? 'credential_process' : name;
}

/**
 * Runs a credential_process command through the shell, as the SDK does, and answers with its
 * stdout. Unlike the SDK's `exec`, it can be stopped: aborting `signal` kills the command and
 * every process it started (its process group; the process tree on Windows) and rejects with
 * the signal's reason. stderr is dropped and nothing the command prints reaches an error.
 */
export function runCommand(command: string, signal: AbortSignal): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    if (signal.aborted) {
      reject(reasonOf(signal));
      return;
    }
    const windows = process.platform === 'win32';
    // Its own process group on POSIX, so one signal reaches the processes it starts too.
    const child = spawn(command, {
      shell: true,
      detached: !windows,
      stdio: ['ignore', 'pipe', 'ignore'],
      windowsHide: true,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = (): void => {
      killTree(child, windows);
      settle(() => {
        reject(reasonOf(signal));
      });
    };
    signal.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxOutputBytes) {
        killTree(child, windows);
        settle(() => {
          reject(new Error('credential_process printed more than 1 MiB'));
        });
        return;
      }
      chunks.push(chunk);
    });
    child.on('error', (error) => {
      settle(() => {
        reject(new Error(`credential_process could not be started (${error.name})`));
      });
    });
    child.on('close', (code, killedBy) => {
      settle(() => {
        if (code === 0) resolve(Buffer.concat(chunks).toString('utf8'));
        else
          reject(
            new Error(
              code === null
                ? `credential_process was stopped by ${killedBy ?? 'a signal'}`
                : `credential_process exited with code ${String(code)}`,
            ),
          );
      });
    });
  });
}

function reasonOf(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('credential_process stopped');
}

/** Stops the command and what it started: politely first, then for good. */
function killTree(child: ChildProcess, windows: boolean): void {
  const pid = child.pid;
  // Not `exitCode`: the shell may be gone while what it started still runs in its group.
  if (pid === undefined) return;
  if (windows) {
    spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    return;
  }
  const signalGroup = (name: NodeJS.Signals): void => {
    try {
      process.kill(-pid, name);
    } catch {
      // The group is gone already.
    }
  };
  signalGroup('SIGTERM');
  setTimeout(() => {
    signalGroup('SIGKILL');
  }, killGraceMs).unref();
}
