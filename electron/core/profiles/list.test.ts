import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listProfiles, SANDBOX_PROFILE } from './list';

let dir: string;
let configFile: string;
let credentialsFile: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cloudshelf-profiles-'));
  configFile = join(dir, 'config');
  credentialsFile = join(dir, 'credentials');
  await writeFile(
    configFile,
    [
      '[default]',
      'region = eu-west-1',
      '[profile dev]',
      'region = us-west-2',
      'sso_session = corp',
      '[sso-session corp]',
      'sso_region = us-east-1',
      '[services local]',
      'cloudcontrol =',
      '  endpoint_url = http://127.0.0.1:4566',
    ].join('\n'),
  );
  await writeFile(
    credentialsFile,
    ['[ci]', 'aws_access_key_id = AKIAEXAMPLE', 'aws_secret_access_key = s3cr3t-value'].join('\n'),
  );
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const envFor = (extra: Record<string, string> = {}) => ({
  AWS_CONFIG_FILE: configFile,
  AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
  ...extra,
});

describe('listProfiles', () => {
  it('lists profiles from both files, skips non-profile sections, and adds the Sandbox', async () => {
    const list = await listProfiles(envFor());
    expect(list.profiles.map((p) => p.name)).toEqual(['ci', 'default', 'dev', SANDBOX_PROFILE]);
    expect(list.profiles.find((p) => p.name === 'dev')).toEqual({
      name: 'dev',
      source: 'config',
      region: 'us-west-2',
    });
    expect(list.profiles.find((p) => p.name === 'ci')?.source).toBe('credentials');
    expect(list.selected).toBe('default');
    expect(list.problems).toEqual([]);
  });

  it('never returns key material', async () => {
    const list = await listProfiles(envFor());
    const text = JSON.stringify(list);
    expect(text).not.toContain('s3cr3t-value');
    expect(text).not.toContain('AKIAEXAMPLE');
  });

  it('selects AWS_PROFILE and falls back to AWS_REGION for profiles without a region', async () => {
    const list = await listProfiles(envFor({ AWS_PROFILE: 'ci', AWS_REGION: 'ap-northeast-1' }));
    expect(list.selected).toBe('ci');
    expect(list.profiles.find((p) => p.name === 'ci')?.region).toBe('ap-northeast-1');
  });

  it('reports an AWS_PROFILE that names no profile and keeps a usable selection', async () => {
    const list = await listProfiles(envFor({ AWS_PROFILE: 'prod' }));
    expect(list.selected).toBe('default');
    expect(list.problems[0]?.message).toContain('"prod"');
  });

  it('defaults to the Sandbox when no AWS files exist', async () => {
    const list = await listProfiles({
      AWS_CONFIG_FILE: join(dir, 'missing-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'missing-credentials'),
    });
    expect(list.profiles).toEqual([
      { name: SANDBOX_PROFILE, source: 'builtin', region: 'us-east-1' },
    ]);
    expect(list.selected).toBe(SANDBOX_PROFILE);
  });

  it('reports a malformed line with its file and line, and still loads the other profiles', async () => {
    await writeFile(
      configFile,
      [
        'region = eu-west-1',
        '[profile good]',
        'region = us-west-2',
        '[profile broken',
        '[profile also-good]',
        'output json',
        'region = ap-south-1',
      ].join('\n'),
    );
    const list = await listProfiles(envFor());
    expect(list.profiles.map((p) => p.name)).toEqual(['also-good', 'ci', 'good', SANDBOX_PROFILE]);
    expect(list.profiles.find((p) => p.name === 'also-good')?.region).toBe('ap-south-1');
    expect(list.problems.map((p) => [p.file, p.line])).toEqual([
      [configFile, 1],
      [configFile, 4],
      [configFile, 6],
    ]);
    // "good" gets the lines after the broken header; "also-good" has a line the SDK skips.
    const marked = list.profiles.filter((p) => p.problem).map((p) => [p.name, p.problem?.line]);
    expect(marked).toEqual([
      ['also-good', 6],
      ['good', 4],
    ]);
  });

  it('selects the Sandbox when AWS_PROFILE names it', async () => {
    const list = await listProfiles(envFor({ AWS_PROFILE: SANDBOX_PROFILE }));
    expect(list.selected).toBe(SANDBOX_PROFILE);
    expect(list.problems).toEqual([]);
  });
});
