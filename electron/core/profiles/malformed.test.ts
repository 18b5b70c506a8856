import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAwsFiles } from './config-files';
import type { ProfileEnv } from './env';
import { listProfiles } from './list';
import { resolveProfile } from './resolve';

// What the problem list says must be what the SDK's loader does with the same file, and a
// profile whose settings a malformed line changes is marked and never used.

let dir: string;
let env: ProfileEnv;
let config: string;
let credentials: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cloudshelf-malformed-'));
  config = join(dir, 'config');
  credentials = join(dir, 'credentials');
  env = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };
  await writeFile(config, '');
  await writeFile(credentials, '');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function listWith(files: { config?: string[]; credentials?: string[] }) {
  if (files.config) await writeFile(config, files.config.join('\n'));
  if (files.credentials) await writeFile(credentials, files.credentials.join('\n'));
  return listProfiles(env);
}

describe('a section header without "]"', () => {
  it('config: the lines after it are the previous profile’s, so that profile is marked with the header’s line', async () => {
    const list = await listWith({
      config: [
        '[profile good]',
        'region = us-east-1',
        '[profile broken',
        'region = us-west-2',
        '[profile other]',
        'region = eu-west-1',
      ],
    });
    // The SDK's own reading: "good" really has broken's region.
    expect((await loadAwsFiles(env)).config.good?.region).toBe('us-west-2');

    const good = list.profiles.find((p) => p.name === 'good');
    expect(good?.problem).toMatchObject({ file: config, line: 3 });
    expect(good?.problem?.message).toContain('[profile good]');
    expect(list.profiles.find((p) => p.name === 'other')?.problem).toBeUndefined();
    // The list no longer claims the setting is ignored: it says where it went.
    expect(list.problems).toEqual([good?.problem]);
    expect(list.problems[0]?.message).not.toContain('outside any');
  });

  it('credentials: keys after it would sign as the previous profile, so that profile is marked', async () => {
    const list = await listWith({
      credentials: [
        '[good]',
        'aws_access_key_id = AKIDGOOD',
        'aws_secret_access_key = good-secret',
        '[broken',
        'aws_access_key_id = AKIDBROKEN',
        'aws_secret_access_key = broken-secret',
      ],
    });
    expect((await loadAwsFiles(env)).credentials.good?.aws_access_key_id).toBe('AKIDBROKEN');
    const good = list.profiles.find((p) => p.name === 'good');
    expect(good?.problem).toMatchObject({ file: credentials, line: 4 });
    expect(good?.problem?.message).toContain('[good]');
    expect(JSON.stringify(list)).not.toContain('broken-secret');
  });

  it('at the top of a file it touches no profile, and the list says its settings are ignored', async () => {
    const list = await listWith({
      config: ['[profile broken', 'region = us-west-2', '[profile fine]', 'region = eu-west-1'],
    });
    expect(list.profiles.every((p) => p.problem === undefined)).toBe(true);
    expect(list.problems).toHaveLength(1);
    expect(list.problems[0]).toMatchObject({ file: config, line: 1 });
    expect(list.problems[0]?.message).toContain('ignore');
  });
});

describe('a line outside any section', () => {
  it.each([
    ['config', ['region = us-west-2', '[profile fine]', 'region = eu-west-1']],
    ['credentials', ['aws_access_key_id = AKIDLOOSE', '[fine]', 'aws_access_key_id = AKIDFINE']],
  ] as const)(
    '%s: is ignored by the SDK, as the list says, and marks no profile',
    async (kind, lines) => {
      const list = await listWith({ [kind]: [...lines] });
      const file = kind === 'config' ? config : credentials;
      expect(list.problems.map((p) => [p.file, p.line])).toEqual([[file, 1]]);
      expect(list.problems[0]?.message).toContain('outside any [section] and is ignored');
      const loaded = await loadAwsFiles(env);
      expect(loaded[kind].fine).toEqual(
        kind === 'config' ? { region: 'eu-west-1' } : { aws_access_key_id: 'AKIDFINE' },
      );
      expect(list.profiles.find((p) => p.name === 'fine')?.problem).toBeUndefined();
    },
  );
});

describe('a malformed line inside a section', () => {
  it.each([
    ['config', ['[profile mixed]', 'region = eu-west-1', 'just-a-word', '= value']],
    ['credentials', ['[mixed]', 'aws_access_key_id = AKIDMIXED', 'just-a-word', '= value']],
  ] as const)('%s: marks that profile with the first such line', async (kind, lines) => {
    const list = await listWith({ [kind]: [...lines] });
    const file = kind === 'config' ? config : credentials;
    expect(list.problems.map((p) => [p.file, p.line])).toEqual([
      [file, 3],
      [file, 4],
    ]);
    expect(list.profiles.find((p) => p.name === 'mixed')?.problem).toEqual(list.problems[0]);
  });

  it('a profile taking its keys or session from a marked section is marked too', async () => {
    const list = await listWith({
      config: [
        '[profile role]',
        'role_arn = arn:aws:iam::210987654321:role/Admin',
        'source_profile = base',
        '[profile sso]',
        'sso_session = corp',
        '[sso-session corp]',
        'sso_region = us-east-1',
        'stray words',
        '[profile fine]',
        'region = eu-west-1',
      ],
      credentials: ['[base]', 'aws_access_key_id = AKIDBASE', 'oops'],
    });
    const marked = Object.fromEntries(list.profiles.map((p) => [p.name, p.problem?.line ?? null]));
    expect(marked).toEqual({ base: 3, role: 3, sso: 8, fine: null, Sandbox: null });
  });
});

describe('a marked profile', () => {
  it('still resolves its details, carrying the problem, for the UI to show', async () => {
    await listWith({
      config: ['[profile good]', 'region = us-east-1', '[profile broken', 'x = y'],
    });
    const resolved = await resolveProfile('good', env);
    expect(resolved.details.problem).toMatchObject({ file: config, line: 3 });
  });
});
