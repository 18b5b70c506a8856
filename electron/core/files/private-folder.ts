import { chmodSync, mkdirSync } from 'node:fs';
import { chmod, lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { WriteFileAtomicOptions } from './atomic-write';

/**
 * Cloudshelf's data folder holds an inventory of the account (catalog caches, settings,
 * requests, exports waiting to be downloaded): only its owner may read it.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

/** For `writeFileAtomic` into the data folder: the file and any folder it creates. */
export const privateFile: WriteFileAtomicOptions = {
  mode: PRIVATE_FILE_MODE,
  folderMode: PRIVATE_FOLDER_MODE,
};

// Windows has no POSIX modes: its ACLs already keep a profile's AppData to its user.
const posix = process.platform !== 'win32';

/**
 * Creates the folder owner-only, or makes an existing one so. Synchronous, so it holds
 * before anything is read or written in it: once the folder is closed, whatever is inside
 * is out of others' reach, even before `makeContentsPrivate` gets to it. A failure is
 * logged, not thrown.
 */
export function makeFolderPrivate(dir: string, log: (line: string) => void): void {
  try {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
    if (posix) chmodSync(dir, PRIVATE_FOLDER_MODE);
  } catch (error) {
    // Not fatal here: whatever needs the folder fails then, saying why.
    log(`data folder: could not make ${dir} private: ${describe(error)}`);
  }
}

/**
 * No access for group and others throughout (0600 files, 0700 folders), for a folder an earlier version (or a umask)
 * left readable. Symbolic links are never followed (a link's target is not ours to change)
 * and anything else that is not a plain file or folder is left alone. A file that vanishes
 * meanwhile (a temporary file renamed into place) is no problem; other failures are logged
 * and the walk goes on.
 */
export async function makeContentsPrivate(dir: string, log: (line: string) => void): Promise<void> {
  if (!posix) return;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (!gone(error)) log(`data folder: could not list ${dir}: ${describe(error)}`);
    return;
  }
  for (const name of names) {
    const entry = path.join(dir, name);
    try {
      const info = await lstat(entry);
      // Only group and other lose their bits: what the owner could do stays (a 0644 file
      // becomes 0600, a 0755 folder 0700), so nothing of the owner's stops working.
      if (info.isDirectory()) {
        if ((info.mode & 0o077) !== 0) await chmod(entry, info.mode & 0o700);
        await makeContentsPrivate(entry, log);
      } else if (info.isFile() && (info.mode & 0o077) !== 0) {
        await chmod(entry, info.mode & 0o700);
      }
    } catch (error) {
      if (!gone(error)) log(`data folder: could not make ${entry} private: ${describe(error)}`);
    }
  }
}

const gone = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';
const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
