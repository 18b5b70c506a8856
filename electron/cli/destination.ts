import { dirname } from 'node:path';
import type { Writable } from 'node:stream';
import { openFileTarget, resolveFileTarget } from '../core/export/file-target';
import type { FileTarget } from '../core/export/types';
import { CliError, reasonOf } from './errors';

/** Where an export's bytes go: stdout, or a file that appears only once it is complete. */
export interface Destination {
  readonly stream: Writable;
  /**
   * stdout: the command's own output. stream: a FIFO or a device, written directly. file: a
   * regular file, replaced only on commit.
   */
  readonly kind: 'stdout' | 'stream' | 'file';
  /** Keeps the output: renames the file into place (nothing to do for stdout). */
  commit(): Promise<void>;
  /** Drops the output: removes the temporary file (stdout cannot take bytes back). */
  discard(): Promise<void>;
}

/** Where --out sends the rows, checked before any AWS call; nothing is created yet. */
export type DestinationPlan = { kind: 'stdout' } | { kind: 'stream' | 'file'; path: string };

/** The reader of stdout closed it (`| head`): the export stops, but nothing went wrong. */
export function isClosedPipe(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EPIPE';
}

export function stdoutDestination(stdout: Writable): Destination {
  return {
    stream: stdout,
    kind: 'stdout',
    commit: () => Promise.resolve(),
    discard: () => Promise.resolve(),
  };
}

export function fileDestination(target: FileTarget, kind: 'stream' | 'file' = 'file'): Destination {
  return {
    stream: target.stream,
    kind,
    commit: () => target.commit(),
    discard: () => target.discard(),
  };
}

/**
 * Names of the command's own stdout: written as stdout itself, exactly as without --out.
 * (Opening /proc/self/fd/1 anew would truncate a file stdout appends to, and follows a pipe
 * only through a link whose text is no path.)
 */
const STDOUT_NAMES = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

/**
 * Reads what is at --out: a folder, a missing folder, a place that cannot be written, a
 * socket are refused here, before the profile is even read.
 */
export async function planDestination(out: string | undefined): Promise<DestinationPlan> {
  if (out === undefined || STDOUT_NAMES.has(out)) return { kind: 'stdout' };
  try {
    const resolved = await resolveFileTarget(out);
    return { kind: resolved.kind === 'stream' ? 'stream' : 'file', path: out };
  } catch (error) {
    throw new CliError(`cannot write ${out}: ${fileProblem(error, out) ?? reasonOf(error)}`);
  }
}

/**
 * Opens the planned destination. On `signal` (Ctrl-C, SIGTERM, SIGHUP) it is discarded at
 * once, so the partial file goes even while a write waits on a reader that stopped reading.
 */
export async function openDestination(
  plan: DestinationPlan,
  stdout: Writable,
  signal: AbortSignal | undefined,
): Promise<Destination> {
  if (plan.kind === 'stdout') return stdoutDestination(stdout);
  let destination: Destination;
  try {
    destination = fileDestination(await openFileTarget(plan.path), plan.kind);
  } catch (error) {
    throw new CliError(
      `cannot write ${plan.path}: ${fileProblem(error, plan.path) ?? reasonOf(error)}`,
    );
  }
  const discard = (): void => {
    void destination.discard().catch(() => undefined);
  };
  if (signal?.aborted) discard();
  else signal?.addEventListener('abort', discard, { once: true });
  return destination;
}

const FILE_PROBLEMS: Readonly<Record<string, (folder: string) => string>> = {
  ENOENT: (folder) => `the folder ${folder} does not exist`,
  ENOTDIR: (folder) => `${folder} is not a folder`,
  EACCES: () => 'permission denied',
  EPERM: () => 'permission denied',
  EISDIR: () => 'it is a folder',
  ELOOP: () => 'its symbolic links go round in a loop',
  EFTYPE: () => 'it is a socket or a block device, which an export never writes to',
  ENOSPC: () => 'the disk is full',
  EDQUOT: () => 'the disk quota is used up',
  EFBIG: () =>
    "the file grew past the largest size allowed (the file system's, or the process's limit: ulimit -f)",
  EROFS: () => 'the file system is read-only',
};

/**
 * Why `path` could not be written, in words: the system's own message names the hidden
 * temporary file beside it, which the user never asked for. The folder named is the one
 * the error is about (a symlink's target may be elsewhere).
 */
export function fileProblem(error: unknown, path: string): string | undefined {
  const { code, path: about } = (error ?? {}) as { code?: unknown; path?: unknown };
  const folder = dirname(typeof about === 'string' ? about : path);
  return typeof code === 'string' ? FILE_PROBLEMS[code]?.(folder) : undefined;
}
