import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CloudshelfApi, ProfileSafety, SafetyReview } from '../../shared/contract';
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

/** The built-in profile (electron/core/profiles/list.ts): it reaches no AWS account. */
export const sandboxProfile = 'Sandbox';

/**
 * Read-only because the safety flags could not be read: every profile but the Sandbox,
 * until its ⚙ Settings are saved again (the main process refuses the same ones).
 */
export function heldReadOnly(review: SafetyReview | null, profile: string | null): boolean {
  return (
    review !== null &&
    profile !== null &&
    profile !== sandboxProfile &&
    !review.reviewed.includes(profile)
  );
}

export interface SafetyState {
  /** The profile whose flags are being saved. */
  saving: string | null;
  error: DisplayError | null;
  /** Set while the settings file's safety flags could not be read (see `heldReadOnly`). */
  review: SafetyReview | null;
  /** `review` has been read: until then no profile may look writable. */
  known: boolean;
}

export interface SafetyActions {
  /** Reads whether the safety flags could be read; returns the cleanup. */
  start: () => () => void;
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
  return createStore<SafetyState & SafetyActions>()((set, get) => ({
    saving: null,
    error: null,
    review: null,
    known: false,

    start() {
      let live = true;
      api.settings.get().then(
        (settings) => {
          if (live) set({ review: settings.safetyReview ?? null, known: true });
        },
        () => {
          // Browse reports settings it cannot read; the main process refuses what it must.
        },
      );
      return () => {
        live = false;
      };
    },

    async setFlags(profile, flags) {
      set({ saving: profile, error: null });
      try {
        // Saved from ⚙ Settings, where the user has just looked at them: that is the review.
        const settings = await api.settings.update({
          patch: {
            profiles: { [profile]: flags },
            ...(get().review === null ? {} : { safetyReviewed: profile }),
          },
        });
        browse.setState({ safety: settings.profiles });
        set({ saving: null, review: settings.safetyReview ?? null });
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
