import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  AppInfo,
  CloudshelfApi,
  ConfigProblem,
  ProfileList,
  ProfileSummary,
} from '../../shared/contract';
import { toDisplayError, type DisplayError } from './errors';

export type AppState = 'loading' | 'ready' | 'error';

export interface ShellState {
  appState: AppState;
  error: DisplayError | null;
  info: AppInfo | null;
  profiles: ProfileSummary[];
  /** The profile the user is working in; later scans use it. */
  profile: string | null;
  problems: ConfigProblem[];
  problemsDismissed: boolean;
}

export interface ShellActions {
  /** Loads app info and profiles; Retry calls it again. */
  load: () => Promise<void>;
  selectProfile: (name: string) => void;
  applyProfiles: (list: ProfileList) => void;
  dismissProblems: () => void;
  /** Subscribes to events and loads; returns the cleanup for unmount. */
  start: () => () => void;
}

export type ShellStore = StoreApi<ShellState & ShellActions>;

const initialState: ShellState = {
  appState: 'loading',
  error: null,
  info: null,
  profiles: [],
  profile: null,
  problems: [],
  problemsDismissed: false,
};

const sameProblems = (a: ConfigProblem[], b: ConfigProblem[]): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** The app frame's state: what loaded, what failed, which profile is chosen. */
export function createShellStore(api: CloudshelfApi): ShellStore {
  // Each load gets a number; an answer from an older load (e.g. before Retry) is ignored.
  let loadSeq = 0;

  return createStore<ShellState & ShellActions>()((set, get) => ({
    ...initialState,

    async load() {
      const seq = ++loadSeq;
      set({ appState: 'loading', error: null });
      try {
        const [info, list] = await Promise.all([api.app.info(), api.profiles.list()]);
        if (seq !== loadSeq) return;
        get().applyProfiles(list);
        set({ info, appState: 'ready' });
      } catch (error) {
        if (seq !== loadSeq) return;
        set({ appState: 'error', error: toDisplayError(error) });
      }
    },

    selectProfile(name) {
      if (get().profiles.some((profile) => profile.name === name)) set({ profile: name });
    },

    applyProfiles(list) {
      const { profile: current, problems, problemsDismissed } = get();
      // Keep the user's choice while it still exists; otherwise take the one the list suggests.
      const keep = current !== null && list.profiles.some((profile) => profile.name === current);
      set({
        profiles: list.profiles,
        profile: keep ? current : list.selected,
        problems: list.problems,
        // A dismissed warning stays dismissed until the problems themselves change.
        problemsDismissed: problemsDismissed && sameProblems(problems, list.problems),
      });
    },

    dismissProblems() {
      set({ problemsDismissed: true });
    },

    start() {
      const stop = api.on('profiles.changed', (list) => {
        get().applyProfiles(list);
      });
      void get().load();
      return stop;
    },
  }));
}
