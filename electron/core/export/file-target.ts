import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { FileTarget } from './types';

/** The temporary file beside `path`: hidden, and plainly unfinished to whoever sees it. */
export function partialPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
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

/**
 * Opens an export file: the data goes to a temporary file in the same folder (so the final
 * rename stays on one file system and is atomic), which replaces `path` only on `commit`.
 */
export async function openFileTarget(path: string): Promise<FileTarget> {
  const temporary = partialPath(path);
  // A replaced file keeps its permissions: an export someone made private stays private.
  const mode = await existingMode(path);
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
    if (!stream.closed) {
      const closed = finished(stream).catch(() => undefined);
      stream.destroy();
      await closed;
    }
    await rm(temporary, { force: true });
  }

  try {
    // Exactly the old file's mode, whatever the umask took away.
    if (mode !== undefined) await chmod(temporary, mode);
  } catch (error) {
    await removeTemporary();
    throw error;
  }

  // Each runs once; a later call gets the same outcome. After a commit (done or failed)
  // there is nothing left to discard: the file is in place, or the commit removed it.
  let committing: Promise<void> | null = null;
  let discarding: Promise<void> | null = null;

  async function commitOnce(): Promise<void> {
    try {
      if (!stream.writableEnded) stream.end();
      // Resolves after the flush (fsync) and the close.
      await finished(stream);
      await rename(temporary, path);
    } catch (error) {
      await removeTemporary();
      throw error;
    }
  }

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
      discarding ??= committing === null ? removeTemporary() : committing.catch(() => undefined);
      return discarding;
    },
  };
}
