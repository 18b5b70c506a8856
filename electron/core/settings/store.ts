import { open, readFile, stat } from 'node:fs/promises';
import { CloudshelfError, type Settings, type SettingsPatch } from '../../../shared/contract';
import { writeFileAtomic } from '../files/atomic-write';
import { PRIVATE_FILE_MODE, privateFile } from '../files/private-folder';
import { applySettingsPatch, defaultSettings } from './merge';
import { salvageSettings } from './salvage';

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

/** What a load found: the settings, and why they must not be written back, if they must not. */
interface Loaded {
  settings: Settings;
  /** Set when writing would replace something never read (a folder, a file we cannot read). */
  unwritable: string | null;
}

/**
 * Cloudshelf's own settings file, 0600. Writes are atomic and one at a time. A file with
 * values that cannot be read loses those values only: the file as read is kept beside it
 * (`settings.json.unreadable-<time>`) and the rest is written back. When the profile safety
 * flags are among what could not be read, a `safetyReview` is stored with the settings: every
 * profile but the built-in Sandbox is read-only until its ⚙ Settings are saved again, across
 * restarts.
 */
export function createSettingsStore(options: SettingsStoreOptions): SettingsStore {
  const { file, log } = options;
  const now = options.now ?? (() => new Date());
  let current: Promise<Loaded> | undefined;
  // Each update waits for the one before, so two quick saves never interleave on disk.
  let queue: Promise<unknown> = Promise.resolve();

  const write = (settings: Settings): Promise<void> =>
    writeFileAtomic(file, `${JSON.stringify(settings, null, 2)}\n`, privateFile);

  /** Nothing can be read or kept aside: hold every profile, and never write over it. */
  function held(reason: string): Loaded {
    log(
      `settings: ${file} could not be read (${reason}); left it as it is, started from defaults, and every profile except Sandbox is read-only until this is fixed`,
    );
    return {
      settings: { ...defaultSettings, safetyReview: { file, keptAs: null, reason, reviewed: [] } },
      unwritable: reason,
    };
  }

  async function load(): Promise<Loaded> {
    let text: string;
    try {
      const info = await stat(file);
      if (!info.isFile()) return held('it is not a file');
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { settings: defaultSettings, unwritable: null };
      }
      return held(describe(error));
    }
    const { settings, problems, safetyProblem } = salvage(text);
    if (problems.length === 0) return { settings, unwritable: null };

    const keptAs = `${file}.unreadable-${now().toISOString().replace(/[:.]/g, '-')}`;
    try {
      await keepAside(keptAs, text);
    } catch (error) {
      // Writing the salvaged settings now would lose what could not be kept.
      return held(`${problems.join('; ')}, and it could not be kept aside: ${describe(error)}`);
    }
    const salvaged: Settings = safetyProblem
      ? { ...settings, safetyReview: { file, keptAs, reason: safetyProblem, reviewed: [] } }
      : settings;
    log(
      `settings: ${file}: left out what could not be read (${summary(problems)}); kept the file as read as ${keptAs}` +
        (safetyProblem
          ? '; the profile safety flags could not be read, so every profile except Sandbox is read-only until its ⚙ Settings are saved again'
          : ''),
    );
    try {
      await write(salvaged);
    } catch (error) {
      // The next start reads the same file again, and holds again: still fail closed.
      log(`settings: could not write ${file} back: ${describe(error)}`);
    }
    return { settings: salvaged, unwritable: null };
  }

  const loaded = (): Promise<Loaded> => {
    current ??= load().catch((error: unknown) => {
      current = undefined;
      throw error;
    });
    return current;
  };

  return {
    get: async () => (await loaded()).settings,
    update(patch) {
      const next = queue.then(async () => {
        const { settings: before, unwritable } = await loaded();
        if (unwritable !== null) {
          throw new CloudshelfError(
            'Internal',
            `Cloudshelf cannot save its settings: ${file} could not be read (${unwritable}), and saving would replace it.`,
            `Move ${file} out of the way (or make it a readable file), then restart Cloudshelf.`,
          );
        }
        const settings = applySettingsPatch(before, patch);
        await write(settings);
        current = Promise.resolve({ settings, unwritable: null });
        return settings;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

function salvage(text: string): ReturnType<typeof salvageSettings> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      settings: defaultSettings,
      problems: ['not valid JSON'],
      safetyProblem: 'the file is not valid JSON (cut short?)',
    };
  }
  return salvageSettings(json);
}

/** The file exactly as read, owner-only, never over anything already there. */
async function keepAside(path: string, text: string): Promise<void> {
  const handle = await open(path, 'wx', PRIVATE_FILE_MODE);
  try {
    await handle.chmod(PRIVATE_FILE_MODE);
    await handle.writeFile(text, 'utf8');
  } finally {
    await handle.close();
  }
}

/** The first few problems: the log line stays one line. */
function summary(problems: readonly string[]): string {
  const shown = problems.slice(0, 5).join('; ');
  return problems.length > 5 ? `${shown}; and ${String(problems.length - 5)} more` : shown;
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
