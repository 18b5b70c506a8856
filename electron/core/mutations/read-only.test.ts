import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/contract';
import { defaultSettings } from '../settings/merge';
import { assertWritable } from './read-only';

const settingsWith = (profiles: Settings['profiles']) => ({
  get: () => Promise.resolve({ ...defaultSettings, profiles }),
});

describe('assertWritable', () => {
  it('refuses a read-only profile with what happened and what to do', async () => {
    const settings = settingsWith({ prod: { readOnly: true, production: true } });
    await expect(assertWritable(settings, 'prod')).rejects.toMatchObject({
      code: 'ReadOnlyProfile',
      message: 'Profile prod is read-only in Cloudshelf, so nothing was changed.',
      hint: 'Clear "Read-only" for this profile in Settings to create, update or delete resources.',
    });
  });

  it('lets other profiles through, including ones without an entry', async () => {
    const settings = settingsWith({ dev: { readOnly: false, production: true } });
    await expect(assertWritable(settings, 'dev')).resolves.toBeUndefined();
    await expect(assertWritable(settings, 'other')).resolves.toBeUndefined();
    await expect(assertWritable(settings, 'constructor')).resolves.toBeUndefined();
  });
});
