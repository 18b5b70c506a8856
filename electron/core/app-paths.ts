import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Cloudshelf keeps its own files (catalog caches, settings, request journal) outside
 * Electron, which passes `app.getPath('userData')` instead. Never inside ~/.aws.
 */
export function defaultDataDir(env: {
  CLOUDSHELF_DATA_DIR?: string | undefined;
  XDG_CONFIG_HOME?: string | undefined;
  APPDATA?: string | undefined;
}): string {
  if (env.CLOUDSHELF_DATA_DIR) return env.CLOUDSHELF_DATA_DIR;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'Cloudshelf');
  if (process.platform === 'darwin') {
    return join(homedir(), 'Library', 'Application Support', 'Cloudshelf');
  }
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'cloudshelf');
}
