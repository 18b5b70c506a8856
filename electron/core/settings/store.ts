import { readFile, rename } from 'node:fs/promises';
import { Settings, type SettingsPatch } from '../../../shared/contract';
import { writeFileAtomic } from '../files/atomic-write';
import { applySettingsPatch, defaultSettings } from './merge';

export interface SettingsStore {
  get(): Promise<Settings>;
  /** Applies the patch, writes the file, and answers with the settings as stored. */
  update(patch: SettingsPatch): Promise<Settings>;
}

export interface SettingsStoreOptions {
  /** `<dataDir>/settings.json`. */
  file: string;
  log: (line: string) => void;
  now?: () => Date;
}

/**
 * Cloudshelf's own settings file. Writes are atomic and one at a time; a file that cannot be
 * read as settings is kept beside it (`settings.json.unreadable-<time>`) before defaults are
 * used, so nothing the user stored is silently lost.
 */
export function createSettingsStore(options: SettingsStoreOptions): SettingsStore {
  const { file, log } = options;
  const now = options.now ?? (() => new Date());
  let current: Promise<Settings> | undefined;
  // Each update waits for the one before, so two quick saves never interleave on disk.
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<Settings> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaultSettings;
      throw error;
    }
    const parsed = parse(text);
    if (parsed.ok) return parsed.settings;
    const kept = `${file}.unreadable-${now().toISOString().replace(/[:.]/g, '-')}`;
    await rename(file, kept);
    log(
      `settings: ${file} could not be read (${parsed.reason}); kept it as ${kept} and started from defaults`,
    );
    return defaultSettings;
  }

  const get = (): Promise<Settings> => {
    current ??= load().catch((error: unknown) => {
      current = undefined;
      throw error;
    });
    return current;
  };

  return {
    get,
    update(patch) {
      const next = queue.then(async () => {
        const settings = applySettingsPatch(await get(), patch);
        await writeFileAtomic(file, `${JSON.stringify(settings, null, 2)}\n`);
        current = Promise.resolve(settings);
        return settings;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

function parse(text: string): { ok: true; settings: Settings } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  // Older files may lack sections added later: fill them from the defaults first.
  const withDefaults =
    typeof json === 'object' && json !== null
      ? {
          ...defaultSettings,
          ...json,
          browse: { ...defaultSettings.browse, ...(json as { browse?: object }).browse },
        }
      : json;
  const result = Settings.safeParse(withDefaults);
  if (result.success) return { ok: true, settings: result.data };
  const issue = result.error.issues[0];
  return {
    ok: false,
    reason: issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'unexpected shape',
  };
}
