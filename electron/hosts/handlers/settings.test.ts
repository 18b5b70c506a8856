import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../core/settings/store';
import { dispatch, type HandlerTable } from '../dispatch';
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
