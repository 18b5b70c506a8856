import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { EventBus } from '../events';
import { awsFilePathsFor } from './env';
import { listProfiles, type ProfileEnv } from './list';

export interface ProfileWatchOptions {
  env: ProfileEnv;
  bus: EventBus;
  /** Editors save in bursts (write, rename, chmod): wait for quiet before re-reading. */
  debounceMs?: number;
  log?: (message: string) => void;
}

export function awsFilePaths(env: ProfileEnv): string[] {
  const paths = awsFilePathsFor(env);
  return [paths.config, paths.credentials];
}

/**
 * Emits `profiles.changed` when the AWS config or credentials file changes. Watches the
 * folders rather than the files, because editors replace files on save and a watch on the
 * old inode would go quiet. A folder that does not exist yet is simply not watched.
 */
export function watchProfiles(options: ProfileWatchOptions): () => void {
  const { env, bus, debounceMs = 200, log = () => undefined } = options;
  const files = awsFilePaths(env);
  const byFolder = new Map<string, Set<string>>();
  for (const file of files) {
    const folder = dirname(file);
    const names = byFolder.get(folder) ?? new Set<string>();
    names.add(basename(file));
    byFolder.set(folder, names);
  }

  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const refresh = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      void listProfiles(env).then((list) => {
        if (!closed) bus.emit('profiles.changed', list);
      });
    }, debounceMs);
  };

  const watchers: FSWatcher[] = [];
  for (const [folder, names] of byFolder) {
    try {
      const watcher = watch(folder, (_event, filename) => {
        if (filename === null || names.has(filename)) refresh();
      });
      watcher.on('error', (error) => {
        log(`stopped watching ${folder}: ${error.message}`);
      });
      watchers.push(watcher);
    } catch {
      log(`not watching ${folder}: it does not exist yet`);
    }
  }

  return () => {
    closed = true;
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
