import { dirname } from 'node:path';
import type { Writable } from 'node:stream';
import type { FileTarget } from '../core/export/types';

/** Where an export's bytes go: stdout, or a file that appears only once it is complete. */
export interface Destination {
  readonly stream: Writable;
  /** Keeps the output: renames the file into place (nothing to do for stdout). */
  commit(): Promise<void>;
  /** Drops the output: removes the temporary file (stdout cannot take bytes back). */
  discard(): Promise<void>;
}

/** The reader of stdout closed it (`| head`): the export stops, but nothing went wrong. */
export function isClosedPipe(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EPIPE';
}

export function stdoutDestination(stdout: Writable): Destination {
  return {
    stream: stdout,
    commit: () => Promise.resolve(),
    discard: () => Promise.resolve(),
  };
}

export function fileDestination(target: FileTarget): Destination {
  return {
    stream: target.stream,
    commit: () => target.commit(),
    discard: () => target.discard(),
  };
}

const FILE_PROBLEMS: Readonly<Record<string, (path: string) => string>> = {
  ENOENT: (path) => `the folder ${dirname(path)} does not exist`,
  ENOTDIR: (path) => `${dirname(path)} is not a folder`,
  EACCES: () => 'permission denied',
  EPERM: () => 'permission denied',
  EISDIR: () => 'it is a folder',
  ENOSPC: () => 'the disk is full',
  EDQUOT: () => 'the disk quota is used up',
  EROFS: () => 'the file system is read-only',
};

/**
 * Why `path` could not be written, in words: the system's own message names the hidden
 * temporary file beside it, which the user never asked for.
 */
export function fileProblem(error: unknown, path: string): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? FILE_PROBLEMS[code]?.(path) : undefined;
}
