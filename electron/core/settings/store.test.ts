import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertWritable } from '../mutations/read-only';
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

const at = () => new Date('2026-11-23T10:00:00.000Z');
const keptName = 'settings.json.unreadable-2026-11-23T10-00-00-000Z';
const permissions = async (target: string): Promise<number> => (await stat(target)).mode & 0o777;

/** A settings file as an earlier run wrote it: prod read-only, dev production. */
const goodFile = {
  browse: {
    profile: 'prod',
    regionsByProfile: { prod: ['eu-west-1'] },
    typeName: 'AWS::EC2::VPC',
    recentTypes: ['AWS::EC2::VPC'],
    columns: {
      'AWS::EC2::VPC': { visible: ['identifier', 'CidrBlock'], widths: { CidrBlock: 120 } },
    },
  },
  profiles: {
    prod: { readOnly: true, production: true },
    dev: { readOnly: false, production: true },
  },
  export: { bom: true, neutralizeFormulas: true },
};

/** Whether a create through `profile` would be refused before reaching AWS. */
async function refused(store: { get: () => Promise<typeof defaultSettings> }, profile: string) {
  try {
    await assertWritable(store, profile);
    return false;
  } catch (error) {
    expect(error).toMatchObject({ code: 'ReadOnlyProfile' });
    return true;
  }
}

describe('settings store: one bad value loses that value only', () => {
  it('a column width below the minimum loses that width; the read-only flags hold', async () => {
    const text = JSON.stringify({
      ...goodFile,
      browse: {
        ...goodFile.browse,
        columns: {
          'AWS::EC2::VPC': {
            visible: ['identifier', 'CidrBlock'],
            widths: { identifier: 30, CidrBlock: 120 },
          },
        },
      },
    });
    await writeFile(file, text);
    const store = createSettingsStore({ file, log, now: at });
    const settings = await store.get();
    expect(settings.browse.columns).toEqual(goodFile.browse.columns);
    expect(settings.browse.profile).toBe('prod');
    expect(settings.profiles).toEqual(goodFile.profiles);
    expect(settings.export).toEqual(goodFile.export);
    expect(settings.safetyReview).toBeUndefined();
    expect(await refused(store, 'prod')).toBe(true);
    expect(await refused(store, 'dev')).toBe(false);
    // The file as read is kept aside; the one in place no longer has the bad value.
    expect(await readFile(join(keptName), 'utf8')).toBe(text);
    expect(lines.join('\n')).toContain('browse.columns.AWS::EC2::VPC.widths.identifier');
    const restarted = await createSettingsStore({ file, log }).get();
    expect(restarted).toEqual(settings);
  });

  it('eleven recent types lose the recent list only', async () => {
    const recentTypes = Array.from({ length: 11 }, (_, i) => `AWS::S3::Bucket${String(i)}`);
    await writeFile(
      file,
      JSON.stringify({ ...goodFile, browse: { ...goodFile.browse, recentTypes } }),
    );
    const store = createSettingsStore({ file, log, now: at });
    const settings = await store.get();
    expect(settings.browse).toEqual({ ...goodFile.browse, recentTypes: [] });
    expect(settings.profiles).toEqual(goodFile.profiles);
    expect(settings.safetyReview).toBeUndefined();
    expect(await refused(store, 'prod')).toBe(true);
    expect(lines.join('\n')).toContain('browse.recentTypes');
  });
});

describe('settings store: unreadable safety flags fail closed', () => {
  it('"readOnly": "yes" holds every profile but Sandbox read-only, and says where the file went', async () => {
    const text = JSON.stringify({
      ...goodFile,
      profiles: { ...goodFile.profiles, prod: { readOnly: 'yes', production: true } },
    });
    await writeFile(file, text);
    const store = createSettingsStore({ file, log, now: at });
    const settings = await store.get();
    expect(settings.safetyReview).toMatchObject({ file, keptAs: join(keptName), reviewed: [] });
    expect(settings.safetyReview?.reason).toContain('profiles.prod.readOnly');
    // The rest of the file is kept, the unreadable flag only is lost.
    expect(settings.browse).toEqual(goodFile.browse);
    expect(settings.profiles['dev']).toEqual({ readOnly: false, production: true });
    for (const profile of ['prod', 'dev', 'never-seen']) {
      expect(await refused(store, profile)).toBe(true);
    }
    expect(await refused(store, 'Sandbox')).toBe(false);
    expect(await readFile(join(keptName), 'utf8')).toBe(text);
    expect(lines.join('\n')).toMatch(/read-only/);
  });

  it("the hold survives a restart until the profile's settings are saved, one profile at a time", async () => {
    await writeFile(file, '{"profiles": {"prod": {"readOnly": "yes"}}}');
    await createSettingsStore({ file, log, now: at }).get();
    const restarted = createSettingsStore({ file, log, now: at });
    expect((await restarted.get()).safetyReview?.keptAs).toBe(join(keptName));
    expect(await refused(restarted, 'dev')).toBe(true);

    // A profile patch alone is not a review: the flags may have been set from anywhere.
    await restarted.update({ profiles: { dev: { production: true } } });
    expect(await refused(restarted, 'dev')).toBe(true);
    await restarted.update({
      profiles: { dev: { readOnly: false, production: true } },
      safetyReviewed: 'dev',
    });
    expect(await refused(restarted, 'dev')).toBe(false);
    expect(await refused(restarted, 'prod')).toBe(true);

    const again = createSettingsStore({ file, log, now: at });
    expect(await refused(again, 'dev')).toBe(false);
    expect(await refused(again, 'prod')).toBe(true);
    expect((await again.get()).safetyReview?.reviewed).toEqual(['dev']);
  });

  it('a truncated file holds every profile read-only and keeps what was there', async () => {
    const text = JSON.stringify(goodFile).slice(0, 120);
    await writeFile(file, text);
    const store = createSettingsStore({ file, log, now: at });
    const settings = await store.get();
    expect(settings.safetyReview).toMatchObject({ file, keptAs: join(keptName), reviewed: [] });
    expect(settings.safetyReview?.reason).toContain('not valid JSON');
    expect(await refused(store, 'prod')).toBe(true);
    expect(await refused(store, 'Sandbox')).toBe(false);
    expect(await readFile(join(keptName), 'utf8')).toBe(text);
    expect(await refused(createSettingsStore({ file, log, now: at }), 'prod')).toBe(true);
  });

  it('a folder where the file should be: held read-only, never replaced, saving says why', async () => {
    await mkdir(file);
    await writeFile(path.join(file, 'inside'), 'x');
    const store = createSettingsStore({ file, log, now: at });
    const settings = await store.get();
    expect(settings.safetyReview).toMatchObject({ file, keptAs: null, reviewed: [] });
    expect(settings.safetyReview?.reason).toContain('not a file');
    expect(await refused(store, 'prod')).toBe(true);
    await expect(
      store.update({ profiles: { prod: { readOnly: false } }, safetyReviewed: 'prod' }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('not a file') as unknown as string,
    });
    expect(await refused(store, 'prod')).toBe(true);
    expect(await readdir(file)).toEqual(['inside']);
    expect((await readdir(dir)).sort()).toEqual(['settings.json']);
  });
});

describe('settings store: files only their owner can read', () => {
  it('writes settings.json and the kept-aside copy 0600, whatever was there before', async () => {
    await writeFile(file, '{"browse": {"recentTypes": 3}}');
    await chmod(file, 0o644);
    const store = createSettingsStore({ file, log, now: at });
    await store.get();
    expect(await permissions(join(keptName))).toBe(0o600);
    expect(await permissions(file)).toBe(0o600);
    await store.update({ browse: { profile: 'dev' } });
    expect(await permissions(file)).toBe(0o600);
  });
});

function join(name: string): string {
  return path.join(dir, name);
}
