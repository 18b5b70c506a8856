import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface WriteFileAtomicOptions {
  /**
   * The file's permissions, e.g. 0o600 for a file others must never read. Without it the
   * file gets the usual 0o666 less the umask.
   */
  mode?: number;
  /** The permissions of folders created on the way, e.g. 0o700; without it, 0o777 less the umask. */
  folderMode?: number;
}

/**
 * Writes through a temporary file and a rename, so a crash or a concurrent reader never sees
 * half a file: readers get the old content or the new, nothing in between.
 */
export async function writeFileAtomic(
  file: string,
  text: string,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  await mkdir(
    path.dirname(file),
    options.folderMode === undefined
      ? { recursive: true }
      : { recursive: true, mode: options.folderMode },
  );
  const temporary = `${file}.${String(process.pid)}.${randomBytes(4).toString('hex')}.tmp`;
  // Created with the mode (the umask can only narrow it), so the content is never readable
  // more widely, not even before the chmod; `wx` never writes through a file already there
  // (and, failing, leaves nothing of ours to clean up).
  const handle = await open(temporary, 'wx', options.mode ?? 0o666);
  try {
    try {
      // Exactly the mode asked for, whatever the umask took away.
      if (options.mode !== undefined) await handle.chmod(options.mode);
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
    // The rename replaces the old file, permissions and all.
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
