import { createHash, randomBytes } from 'node:crypto';
import { constants, createWriteStream, type Stats, type WriteStream } from 'node:fs';
import {
  access,
  chmod,
  lstat,
  open,
  readdir,
  readlink,
  realpath,
  rename,
  rm,
  stat,
} from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { FileTarget } from './types';

/**
 * How an export reaches what is at its path: `replace` writes a temporary file beside it and
 * renames it over (a regular file, or nothing yet), `stream` writes into it directly (a FIFO
 * or a character device, which a rename would replace with a regular file).
 */
export interface ResolvedFileTarget {
  kind: 'replace' | 'stream';
  /** The path with every symlink followed: what is written or replaced; a link stays a link. */
  path: string;
}

/** Linux's own limit on symlinks followed in one lookup. */
const MAX_LINKS = 40;

/** An error shaped like the system's, so every host words it by its code. */
function fileError(code: string, message: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}, '${path}'`), { code, path });
}

const notFound = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === 'ENOENT';

/**
 * Follows `path`'s symlinks to what is there, or to the missing name a dangling one names.
 * A link to a FIFO or a device is kept as it is: /dev/fd/N and /proc/self/fd/N are links
 * whose text (`pipe:[1234]`) is no path, though opening them reaches the pipe.
 */
async function followLinks(path: string): Promise<{ path: string; info: Stats | undefined }> {
  let current = resolve(path);
  for (let links = 0; ; links += 1) {
    let info: Stats;
    try {
      info = await lstat(current);
    } catch (error) {
      if (notFound(error)) return { path: current, info: undefined };
      throw error;
    }
    if (!info.isSymbolicLink()) return { path: current, info };
    const target = await stat(current).catch((error: unknown) => {
      if (notFound(error)) return undefined;
      throw error;
    });
    if (target?.isFile() || target?.isDirectory()) {
      return { path: await realpath(current), info: target };
    }
    if (target !== undefined) return { path: current, info: target };
    // Dangling: the name it points to is where the new file goes.
    if (links === MAX_LINKS) throw fileError('ELOOP', 'too many symbolic links', path);
    current = resolve(dirname(current), await readlink(current));
  }
}

/**
 * Where an export to `path` would go, checked without writing anything, so that a folder, a
 * missing folder or a place that cannot be written is refused before any work is done.
 * Rejects with a system-like error whose `code` says why (EISDIR, ENOENT, ENOTDIR, EACCES,
 * EROFS, ELOOP; EFTYPE for a socket or a block device, which an export never writes to).
 */
export async function resolveFileTarget(path: string): Promise<ResolvedFileTarget> {
  const found = await followLinks(path);
  const { info } = found;
  if (info === undefined || info.isFile()) {
    const folder = dirname(found.path);
    let folderInfo: Stats;
    try {
      folderInfo = await stat(folder);
    } catch (error) {
      // ENOENT names the file, so the folder it should be in can be said.
      if (notFound(error)) throw fileError('ENOENT', 'no such folder', found.path);
      throw error;
    }
    if (!folderInfo.isDirectory()) throw fileError('ENOTDIR', 'not a folder', found.path);
    // The temporary file is created there, and renamed over the old one.
    await access(folder, constants.W_OK);
    return { kind: 'replace', path: found.path };
  }
  if (info.isDirectory()) throw fileError('EISDIR', 'it is a folder', found.path);
  if (info.isFIFO() || info.isCharacterDevice()) {
    await access(found.path, constants.W_OK);
    return { kind: 'stream', path: found.path };
  }
  throw fileError('EFTYPE', 'not a regular file, FIFO or character device', found.path);
}

/** Short and stable per machine: two hosts writing into one shared folder never match. */
const hostTag = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The temporary file beside `path`: hidden, plainly unfinished to whoever sees it, and named
 * after the process writing it (`pid`, and a tag of the host), so that a later export can
 * tell one whose writer is gone.
 */
export function partialPath(path: string, pid = process.pid): string {
  const unique = randomBytes(6).toString('hex');
  return join(dirname(path), `.${basename(path)}.${pid}.${hostTag}.${unique}.partial`);
}

/** Whether a process of this id runs here (EPERM: it does, as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code !== 'ESRCH';
  }
}

/**
 * Removes the partial files of `path` that an export killed outright (SIGKILL, a power cut)
 * left: only names exactly of our pattern for this very target, written on this host by a
 * process that no longer runs. A live export's file, another host's, another target's or
 * anything else is left alone; a failure to remove one never stops the export.
 */
async function removeStalePartials(path: string): Promise<void> {
  const ours = new RegExp(
    `^\\.${escapeRegExp(basename(path))}\\.(\\d+)\\.${hostTag}\\.[0-9a-f]{12}\\.partial$`,
  );
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = ours.exec(name)?.[1];
    if (pid === undefined || isRunning(Number(pid))) continue;
    const stale = join(dirname(path), name);
    try {
      if ((await lstat(stale)).isFile()) await rm(stale, { force: true });
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
}

/** The permissions of the file already at `path`, if there is one. */
async function existingMode(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.mode & 0o777 : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves once the file is open, so a missing folder or a denied write fails right away. */
function opened(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const onReady = (): void => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error): void => {
      stream.off('ready', onReady);
      reject(error);
    };
    stream.once('ready', onReady);
    stream.once('error', onError);
  });
}

/** Closes `stream` without finishing it; resolves once it is closed. */
async function destroyed(stream: WriteStream): Promise<void> {
  if (stream.closed) return;
  const closed = finished(stream).catch(() => undefined);
  stream.destroy();
  await closed;
}

/**
 * Opens an export file. A regular file (or nothing yet) gets the data in a temporary file in
 * the same folder (so the final rename stays on one file system and is atomic), which
 * replaces it only on `commit`; a symlink's target is what is replaced. A FIFO or a
 * character device is written directly, as it cannot be replaced. Anything else is refused
 * (see `resolveFileTarget`).
 */
export async function openFileTarget(path: string): Promise<FileTarget> {
  const resolved = await resolveFileTarget(path);
  return resolved.kind === 'stream'
    ? openStreamTarget(path, resolved.path)
    : openReplaceTarget(path, resolved.path);
}

async function openStreamTarget(path: string, real: string): Promise<FileTarget> {
  // O_WRONLY alone: never creates a file if the FIFO went away meanwhile, never truncates.
  // Opening a FIFO waits for its reader, as `cat > fifo` does.
  const stream = (await open(real, constants.O_WRONLY)).createWriteStream();
  // Its errors reach whoever writes and `commit` (see openReplaceTarget).
  stream.on('error', () => undefined);
  return onceEach(
    path,
    stream,
    async () => {
      if (!stream.writableEnded) stream.end();
      await finished(stream);
    },
    // What was written has been read already: closing is all there is to do.
    () => destroyed(stream),
  );
}

/**
 * A target whose commit and discard each run once (a later call gets the same outcome).
 * After a commit, done or failed, there is nothing left to discard: the data is in place, or
 * the commit cleaned up; a commit after a discard is refused.
 */
function onceEach(
  path: string,
  stream: Writable,
  commitOnce: () => Promise<void>,
  discardOnce: () => Promise<void>,
): FileTarget {
  let committing: Promise<void> | null = null;
  let discarding: Promise<void> | null = null;
  return {
    path,
    stream,
    commit() {
      if (discarding !== null) {
        return Promise.reject(new Error('This export file was already discarded.'));
      }
      committing ??= commitOnce();
      return committing;
    },
    discard() {
      discarding ??= committing === null ? discardOnce() : committing.catch(() => undefined);
      return discarding;
    },
  };
}

async function openReplaceTarget(path: string, real: string): Promise<FileTarget> {
  await removeStalePartials(real);
  const temporary = partialPath(real);
  // A replaced file keeps its permissions: an export someone made private stays private.
  const mode = await existingMode(real);
  const stream = createWriteStream(temporary, {
    // `wx`: never writes through something already there.
    flags: 'wx',
    mode: mode ?? 0o666,
    // fsync before the close, so the rename can never put an empty or partial file in the
    // old one's place after a power cut (rename-over without fsync can, on ext4 and others).
    flush: true,
  });
  await opened(stream);
  // Its errors reach whoever writes (the export writer listens) and `commit`; without a
  // listener of our own, one between two writes would crash the process instead.
  stream.on('error', () => undefined);

  async function removeTemporary(): Promise<void> {
    await destroyed(stream);
    await rm(temporary, { force: true });
  }

  try {
    // Exactly the old file's mode, whatever the umask took away.
    if (mode !== undefined) await chmod(temporary, mode);
  } catch (error) {
    await removeTemporary();
    throw error;
  }

  async function commitOnce(): Promise<void> {
    try {
      if (!stream.writableEnded) stream.end();
      // Resolves after the flush (fsync) and the close.
      await finished(stream);
      // Whatever took the old file's place meanwhile must not be replaced if it is not one.
      const now = await lstat(real).catch((error: unknown) => {
        if (notFound(error)) return undefined;
        throw error;
      });
      if (now !== undefined && !now.isFile()) {
        throw fileError(now.isDirectory() ? 'EISDIR' : 'EFTYPE', 'not a regular file', real);
      }
      await rename(temporary, real);
    } catch (error) {
      await removeTemporary();
      throw error;
    }
  }

  return onceEach(path, stream, commitOnce, removeTemporary);
}
