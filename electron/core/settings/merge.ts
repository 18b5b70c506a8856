import type { Settings, SettingsPatch } from '../../../shared/contract';

export const defaultSettings: Settings = {
  browse: {
    profile: null,
    regionsByProfile: {},
    typeName: null,
    recentTypes: [],
    columns: {},
  },
  profiles: {},
  export: { bom: false, neutralizeFormulas: true },
};

/**
 * Applies a patch: plain fields are replaced, keyed maps merged key by key, so the table's
 * column save never erases the region choice the toolbar saved a moment before. A safety
 * review, once started, only ever gains reviewed profiles: nothing here can end the hold on
 * a profile the user has not looked at.
 */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  const { regionsByProfile, columns, ...plain } = patch.browse ?? {};
  const profiles = { ...settings.profiles };
  for (const [name, flags] of Object.entries(patch.profiles ?? {})) {
    const merged = { readOnly: false, production: false, ...profiles[name], ...flags };
    // A profile with neither flag needs no entry; dropping it keeps the file small.
    if (merged.readOnly || merged.production) profiles[name] = merged;
    else Reflect.deleteProperty(profiles, name);
  }
  const next: Settings = {
    browse: {
      ...settings.browse,
      ...plain,
      regionsByProfile: { ...settings.browse.regionsByProfile, ...regionsByProfile },
      columns: { ...settings.browse.columns, ...columns },
    },
    profiles,
    export: { ...settings.export, ...patch.export },
  };
  const review = settings.safetyReview;
  if (review) {
    const reviewed = patch.safetyReviewed;
    next.safetyReview =
      reviewed === undefined || review.reviewed.includes(reviewed)
        ? review
        : { ...review, reviewed: [...review.reviewed, reviewed] };
  }
  return next;
}
