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

describe('assertWritable while the safety flags could not be read', () => {
  const review = {
    file: '/data/settings.json',
    keptAs: '/data/settings.json.unreadable-2026-11-23T10-00-00-000Z',
    reason: 'profiles.prod.readOnly: expected boolean',
    reviewed: ['dev'],
  };
  const held = (profiles: Settings['profiles']) => ({
    get: () => Promise.resolve({ ...defaultSettings, profiles, safetyReview: review }),
  });

  it('refuses every profile not yet reviewed, saying why and what to do', async () => {
    const settings = held({ prod: { readOnly: false, production: true } });
    for (const profile of ['prod', 'other']) {
      await expect(assertWritable(settings, profile)).rejects.toMatchObject({
        code: 'ReadOnlyProfile',
        message: `Cloudshelf could not read its safety settings, so profile ${profile} is treated as read-only and nothing was changed.`,
        hint: `Open ⚙ Settings for ${profile}, check Read-only and Production, and save them. The settings file as it was is kept as ${review.keptAs}.`,
      });
    }
  });

  it('lets the built-in Sandbox through, and a reviewed profile follows its own flag', async () => {
    await expect(assertWritable(held({}), 'Sandbox')).resolves.toBeUndefined();
    await expect(assertWritable(held({}), 'dev')).resolves.toBeUndefined();
    await expect(
      assertWritable(held({ dev: { readOnly: true, production: false } }), 'dev'),
    ).rejects.toMatchObject({
      code: 'ReadOnlyProfile',
      message: expect.stringMatching(/^Profile dev is read-only/) as unknown as string,
    });
  });
});
