import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallName } from '../../../shared/contract';
import { EventBus } from '../../core/events';
import { createSettingsStore } from '../../core/settings/store';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { dispatch, type HandlerTable } from '../dispatch';
import { createHandlers } from '../handlers';
import { createHostServices } from '../services';
import { createSettingsHandlers } from './settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cloudshelf-settings-handlers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const context = { host: 'cli' } as const;
// Only the settings calls are exercised; the rest of the table is not needed here.
const settingsTable = (file: string): HandlerTable =>
  createSettingsHandlers(
    createSettingsStore({ file, log: () => undefined }),
  ) as unknown as HandlerTable;

describe('settings calls', () => {
  it('stores a patch and answers with the merged settings', async () => {
    const handlers = settingsTable(join(dir, 'settings.json'));
    const outcome = await dispatch(
      handlers,
      'settings.update',
      { patch: { browse: { typeName: 'AWS::SageMaker::Image' } } },
      context,
    );
    expect(outcome.ok && outcome.value).toMatchObject({
      browse: { typeName: 'AWS::SageMaker::Image', regionsByProfile: {} },
    });
  });

  it('refuses a malformed patch and keeps what was stored', async () => {
    const store = createSettingsStore({ file: join(dir, 'settings.json'), log: () => undefined });
    const handlers = createSettingsHandlers(store) as unknown as HandlerTable;
    await store.update({ browse: { profile: 'dev' } });
    const outcome = await dispatch(
      handlers,
      'settings.update',
      { patch: { browse: { profile: 'prod', recentTypes: 'AWS::S3::Bucket' } } },
      context,
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('InvalidArguments');
    expect((await store.get()).browse.profile).toBe('dev');
  });
});

describe('settings with a bad value, through the whole handler table', () => {
  let sandbox: RunningSandbox;
  const sandboxCalls: string[] = [];
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: false, log: (line) => sandboxCalls.push(line) });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  /** The app's services on a data folder holding `settings` (a string: the file as is). */
  async function appWith(settings: string) {
    const dataDir = join(dir, 'data');
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, 'settings.json'), settings);
    // Two profiles of the user's own, pointed at the sandbox.
    const profile = (name: string) => [
      `[profile ${name}]`,
      'region = eu-west-1',
      `endpoint_url = ${sandbox.endpoint}`,
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    ];
    await writeFile(join(dir, 'config'), [...profile('prod'), ...profile('dev'), ''].join('\n'));
    const env = {
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      CLOUDSHELF_SANDBOX_ENDPOINT: sandbox.endpoint,
    };
    const services = createHostServices({
      env,
      bus: new EventBus(),
      dataDir,
      log: () => undefined,
      resumeMutations: false,
    });
    const handlers = createHandlers({
      identity: { name: 'Cloudshelf', version: '0.0.0', host: 'browser' },
      env,
      services,
    });
    const call = (name: CallName, args: unknown) =>
      dispatch(handlers, name, args, { host: 'browser' });
    return { call, close: () => services.close() };
  }

  const createVpc = (profile: string) => ({
    profile,
    region: 'eu-west-1',
    typeName: 'AWS::EC2::VPC',
    desiredState: { CidrBlock: '10.0.0.0/16' },
  });
  const creates = (): number =>
    sandboxCalls.filter((line) => line.includes(' CreateResource ')).length;

  it('a column width of 30 keeps prod read-only: the VPC is refused before AWS', async () => {
    const app = await appWith(
      JSON.stringify({
        browse: {
          profile: 'prod',
          columns: { 'AWS::EC2::VPC': { visible: ['identifier'], widths: { identifier: 30 } } },
        },
        profiles: { prod: { readOnly: true, production: true } },
      }),
    );
    try {
      const before = creates();
      const outcome = await app.call('resources.create', createVpc('prod'));
      expect(outcome.ok || outcome.error).toMatchObject({ code: 'ReadOnlyProfile' });
      expect(creates()).toBe(before);
      const settings = await app.call('settings.get', {});
      expect(settings.ok && settings.value).toMatchObject({
        profiles: { prod: { readOnly: true, production: true } },
        browse: { profile: 'prod', columns: { 'AWS::EC2::VPC': { widths: {} } } },
      });
    } finally {
      await app.close();
    }
  });

  it('"readOnly": "yes" holds every profile read-only until its settings are saved', async () => {
    const app = await appWith('{"profiles": {"prod": {"readOnly": "yes", "production": true}}}');
    try {
      const before = creates();
      for (const profile of ['prod', 'dev']) {
        const outcome = await app.call('resources.create', createVpc(profile));
        expect(outcome.ok || outcome.error.code).toBe('ReadOnlyProfile');
        expect(outcome.ok || outcome.error.message).toContain('could not read its safety settings');
      }
      expect(creates()).toBe(before);
      // What the window reads to show its banner.
      const settings = await app.call('settings.get', {});
      expect(settings.ok && settings.value).toMatchObject({
        safetyReview: { file: join(dir, 'data', 'settings.json'), reviewed: [] },
      });

      // dev's ⚙ Settings saved: dev follows its own flags again, prod still waits.
      const saved = await app.call('settings.update', {
        patch: { profiles: { dev: { readOnly: false, production: false } }, safetyReviewed: 'dev' },
      });
      expect(saved.ok).toBe(true);
      expect((await app.call('resources.create', createVpc('dev'))).ok).toBe(true);
      expect(creates()).toBe(before + 1);
      const prod = await app.call('resources.create', createVpc('prod'));
      expect(prod.ok || prod.error).toMatchObject({ code: 'ReadOnlyProfile' });
    } finally {
      await app.close();
    }
  });
});
