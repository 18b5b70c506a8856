import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import {
  CloudshelfError,
  type ProfileSafety,
  type SafetyReview,
  type Settings,
} from '../../shared/contract';
import { createSafetyStore, heldReadOnly, noSafety, safetyOf } from './safety';
import { fakeApi } from './test-api';

const stored = (profiles: Record<string, ProfileSafety>): Settings => ({
  browse: { profile: null, regionsByProfile: {}, typeName: null, recentTypes: [], columns: {} },
  profiles,
  export: { bom: false, neutralizeFormulas: true },
});

function browseDouble() {
  return createStore<{ safety: Record<string, ProfileSafety> }>()(() => ({ safety: {} }));
}

describe('safety store', () => {
  it('saves flags through settings.update and shows what was stored', async () => {
    const fake = fakeApi({
      'settings.update': () => stored({ Sandbox: { readOnly: true, production: false } }),
    });
    const browse = browseDouble();
    const store = createSafetyStore({ api: fake.api, browse });
    const saving = store.getState().setFlags('Sandbox', { readOnly: true });
    expect(store.getState().saving).toBe('Sandbox');
    expect(await saving).toBe(true);
    expect(fake.argsOf('settings.update')).toEqual([
      { patch: { profiles: { Sandbox: { readOnly: true } } } },
    ]);
    expect(browse.getState().safety).toEqual({ Sandbox: { readOnly: true, production: false } });
    expect(store.getState().saving).toBeNull();
  });

  it('keeps the old flags and says why when saving fails', async () => {
    const fake = fakeApi({
      'settings.update': () => {
        throw new CloudshelfError('Internal', 'disk full', 'Free some space.');
      },
    });
    const browse = browseDouble();
    const store = createSafetyStore({ api: fake.api, browse });
    expect(await store.getState().setFlags('prod', { production: true })).toBe(false);
    expect(browse.getState().safety).toEqual({});
    expect(store.getState().error).toEqual({
      code: 'Internal',
      message: 'disk full',
      hint: 'Free some space.',
    });
    store.getState().clearError();
    expect(store.getState().error).toBeNull();
  });

  it('a profile without flags is neither', () => {
    expect(safetyOf({}, 'x')).toBe(noSafety);
    expect(safetyOf({}, null)).toBe(noSafety);
    const flags = { readOnly: true, production: true };
    expect(safetyOf({ x: flags }, 'x')).toBe(flags);
  });
});

describe('safety store while the safety flags could not be read', () => {
  const review: SafetyReview = {
    file: '/home/me/.config/cloudshelf/settings.json',
    keptAs: '/home/me/.config/cloudshelf/settings.json.unreadable-2026-11-23T10-00-00-000Z',
    reason: 'profiles.prod.readOnly: expected boolean',
    reviewed: [],
  };

  it('reads the review on start and holds every profile but Sandbox', async () => {
    const fake = fakeApi({ 'settings.get': () => ({ ...stored({}), safetyReview: review }) });
    const store = createSafetyStore({ api: fake.api, browse: browseDouble() });
    expect(store.getState().review).toBeNull();
    store.getState().start();
    await expect.poll(() => store.getState().review).toEqual(review);
    expect(heldReadOnly(store.getState().review, 'prod')).toBe(true);
    expect(heldReadOnly(store.getState().review, 'Sandbox')).toBe(false);
    expect(heldReadOnly(null, 'prod')).toBe(false);
  });

  it("saving a held profile's settings is its review, and ends its hold only", async () => {
    const fake = fakeApi({
      'settings.get': () => ({ ...stored({}), safetyReview: review }),
      'settings.update': () => ({
        ...stored({ dev: { readOnly: false, production: true } }),
        safetyReview: { ...review, reviewed: ['dev'] },
      }),
    });
    const browse = browseDouble();
    const store = createSafetyStore({ api: fake.api, browse });
    store.getState().start();
    await expect.poll(() => store.getState().review).toEqual(review);
    expect(await store.getState().setFlags('dev', { readOnly: false, production: true })).toBe(
      true,
    );
    expect(fake.argsOf('settings.update')).toEqual([
      {
        patch: { profiles: { dev: { readOnly: false, production: true } }, safetyReviewed: 'dev' },
      },
    ]);
    expect(heldReadOnly(store.getState().review, 'dev')).toBe(false);
    expect(heldReadOnly(store.getState().review, 'prod')).toBe(true);
    expect(browse.getState().safety).toEqual({ dev: { readOnly: false, production: true } });
  });
});
