import { useShallow } from 'zustand/react/shallow';
import { useBrowse } from './browse-context';
import { useShell } from './context';
import type { SafetyActions, SafetyState } from './safety';
import { safetyOf } from './safety';
import { createStoreContext } from './store-context';

const safety = createStoreContext<SafetyState & SafetyActions>('safety');

export const SafetyStoreProvider = safety.Provider;
export const useSafetyStore = safety.useStoreApi;
export const useSafety = safety.useSelected;

export interface CurrentSafety {
  profile: string | null;
  readOnly: boolean;
  production: boolean;
  /** The settings have been read; before, a read-only profile could look writable. */
  known: boolean;
  /** Create, update and delete controls may show. */
  canMutate: boolean;
}

/** The chosen profile's safety flags. */
export function useProfileSafety(): CurrentSafety {
  const profile = useShell((state) => state.profile);
  const { flags, known } = useBrowse(
    useShallow((state) => ({ flags: safetyOf(state.safety, profile), known: state.ready })),
  );
  return {
    profile,
    readOnly: flags.readOnly,
    production: flags.production,
    known,
    canMutate: known && profile !== null && !flags.readOnly,
  };
}
