import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CloudshelfApi, ProfileSafety } from '../../shared/contract';
import type { BrowseStore } from './browse';
import { toDisplayError, type DisplayError } from './errors';

/** A profile without an entry in the settings is neither read-only nor production. */
export const noSafety: ProfileSafety = { readOnly: false, production: false };

export function safetyOf(
  safety: Readonly<Record<string, ProfileSafety>>,
  profile: string | null,
): ProfileSafety {
  return (profile === null ? undefined : safety[profile]) ?? noSafety;
}

export interface SafetyState {
  /** The profile whose flags are being saved. */
  saving: string | null;
  error: DisplayError | null;
}

export interface SafetyActions {
  /** Saves a profile's flags; answers whether they were stored. */
  setFlags: (profile: string, flags: Partial<ProfileSafety>) => Promise<boolean>;
  clearError: () => void;
}

export type SafetyStore = StoreApi<SafetyState & SafetyActions>;

/**
 * Changes the per-profile safety flags. The flags themselves stay where the settings put
 * them, in the browse store (which reads them at start), so the profile badges, the banner
 * and the mutation controls all read one copy. A flag shows only once it is stored: a
 * read-only mark the main process does not know yet would promise a refusal it cannot make.
 */
export function createSafetyStore(deps: {
  api: CloudshelfApi;
  browse: Pick<BrowseStore, 'setState'>;
}): SafetyStore {
  const { api, browse } = deps;
  return createStore<SafetyState & SafetyActions>()((set) => ({
    saving: null,
    error: null,

    async setFlags(profile, flags) {
      set({ saving: profile, error: null });
      try {
        const settings = await api.settings.update({ patch: { profiles: { [profile]: flags } } });
        browse.setState({ safety: settings.profiles });
        set({ saving: null });
        return true;
      } catch (error) {
        set({ saving: null, error: toDisplayError(error) });
        return false;
      }
    },

    clearError() {
      set({ error: null });
    },
  }));
}
