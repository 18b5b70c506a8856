import { useShallow } from 'zustand/react/shallow';
import { useBrowse } from './browse-context';
import { useShell } from './context';
import type { SafetyActions, SafetyState } from './safety';
import { heldReadOnly, safetyOf } from './safety';
import { createStoreContext } from './store-context';

const safety = createStoreContext<SafetyState & SafetyActions>('safety');

export const SafetyStoreProvider = safety.Provider;
export const useSafetyStore = safety.useStoreApi;
export const useSafety = safety.useSelected;

export interface CurrentSafety {
  profile: string | null;
  readOnly: boolean;
  production: boolean;
  /** Read-only because the safety flags could not be read, until its ⚙ Settings are saved. */
  held: boolean;
  /** The settings have been read; before, a read-only profile could look writable. */
  known: boolean;
  /** Create, update and delete controls may show. */
  canMutate: boolean;
}

/**
 * Whether `profile` is held read-only because the settings file's safety flags could not be
 * read — or because that is not known yet: until then no control the main process might
 * refuse is offered.
 */
export function useHeldReadOnly(profile: string | null): boolean {
  return useSafety((state) => !state.known || heldReadOnly(state.review, profile));
}

/** The chosen profile's safety flags. */
export function useProfileSafety(): CurrentSafety {
  const profile = useShell((state) => state.profile);
  const { flags, known } = useBrowse(
    useShallow((state) => ({ flags: safetyOf(state.safety, profile), known: state.ready })),
  );
  const { held, reviewKnown } = useSafety(
    useShallow((state) => ({
      held: heldReadOnly(state.review, profile),
      reviewKnown: state.known,
    })),
  );
  const readOnly = flags.readOnly || held;
  return {
    profile,
    readOnly,
    production: flags.production,
    held,
    known: known && reviewKnown,
    canMutate: known && reviewKnown && profile !== null && !readOnly,
  };
}
