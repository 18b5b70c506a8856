import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsStore } from './store';
import { defaultSettings } from './merge';

let dir: string;
let file: string;
const lines: string[] = [];
const log = (line: string): void => {
  lines.push(line);
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cloudshelf-settings-'));
  file = path.join(dir, 'settings.json');
  lines.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('settings store', () => {
  it('starts from defaults when there is no file', async () => {
    expect(await createSettingsStore({ file, log }).get()).toEqual(defaultSettings);
  });

  it('writes updates so a new store (a restart) reads them back', async () => {
    const store = createSettingsStore({ file, log });
    await store.update({ browse: { profile: 'dev', regionsByProfile: { dev: ['eu-west-1'] } } });
    await store.update({ profiles: { dev: { readOnly: true } } });
    const restarted = await createSettingsStore({ file, log }).get();
    expect(restarted.browse.profile).toBe('dev');
    expect(restarted.browse.regionsByProfile).toEqual({ dev: ['eu-west-1'] });
    expect(restarted.profiles).toEqual({ dev: { readOnly: true, production: false } });
  });

  it('applies quick successive updates in order without losing one', async () => {
    const store = createSettingsStore({ file, log });
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((name) =>
        store.update({ browse: { regionsByProfile: { [name]: ['us-east-1'] } } }),
      ),
    );
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as typeof defaultSettings;
    expect(Object.keys(onDisk.browse.regionsByProfile).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps an unreadable file beside the new one instead of overwriting it', async () => {
    await writeFile(file, '{"browse": {"profile": 42}}');
    const store = createSettingsStore({
      file,
      log,
      now: () => new Date('2026-11-23T10:00:00.000Z'),
    });
    expect(await store.get()).toEqual(defaultSettings);
    await store.update({ browse: { profile: 'dev' } });
    const kept = path.join(dir, 'settings.json.unreadable-2026-11-23T10-00-00-000Z');
    expect(await readFile(kept, 'utf8')).toBe('{"browse": {"profile": 42}}');
    expect((await readdir(dir)).sort()).toEqual(['settings.json', path.basename(kept)]);
    expect(lines.join('\n')).toContain('browse.profile');
  });

  it('reads a file written before a section existed', async () => {
    await writeFile(file, JSON.stringify({ browse: { profile: 'dev' } }));
    const settings = await createSettingsStore({ file, log }).get();
    expect(settings.browse.profile).toBe('dev');
    expect(settings.profiles).toEqual({});
  });
});
