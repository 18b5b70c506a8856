import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  BrowseSettings,
  CloudshelfApi,
  ProfileDetails,
  ProfileSafety,
  RegionInfo,
  Settings,
  TypeSummary,
} from '../../shared/contract';
import { toDisplayError, type DisplayError } from './errors';
import type { InventoryStore } from './inventory';
import { sameScope, type BrowseScope } from './inventory-types';
import type { ShellStore } from './shell';

/** Always at hand in the type picker. */
export const pinnedTypes = ['AWS::SageMaker::Image', 'AWS::SageMaker::ModelPackage'] as const;
export const defaultTypeName = 'AWS::SageMaker::Image';
/** Where a profile without a default region starts. */
export const fallbackRegion = 'us-east-1';
export const maxRecentTypes = 8;
/** Enough to scroll through; more means the query should narrow. */
export const typeSearchLimit = 50;

/** What Browse shows: the scope chosen in the toolbar, and what the toolbar needs to show. */
export interface BrowseState {
  /**
   * The saved scope has been read (or could not be). Nothing scans before, so a restart
   * comes back to the last view rather than first scanning the defaults.
   */
  ready: boolean;
  /** The chosen regions of the current profile, in the region list's order. */
  regions: string[];
  regionsByProfile: Record<string, string[]>;
  typeName: string;
  /** Most recent first. */
  recentTypes: string[];
  /** By profile name, once fetched: kind, default region, whether it needs an MFA code. */
  details: Record<string, ProfileDetails>;
  /** By profile name: Cloudshelf's safety flags (a profile without an entry has neither). */
  safety: Record<string, ProfileSafety>;
  /** Every region, with whether `regionListType` is offered there. */
  regionList: RegionInfo[];
  regionListType: string | null;
  regionListError: DisplayError | null;
  /**
   * A profile whose credentials need an MFA code, waiting for the user to start its scan:
   * picking a profile must not pop up a code prompt by itself.
   */
  awaitingGoAhead: string | null;
  regionPickerOpen: boolean;
}

export interface BrowseActions {
  /** Reads the saved scope, follows the shell's profile; returns the cleanup. */
  start: () => () => void;
  setRegions: (regions: readonly string[]) => void;
  /** The current profile's default region (us-east-1 when it has none). */
  chooseDefaultRegions: () => void;
  setType: (typeName: string) => void;
  /** Starts the scan a profile that needs an MFA code was waiting for. */
  goAhead: () => void;
  setRegionPickerOpen: (open: boolean) => void;
  /** The type picker's search over the whole catalog (name, service, description). */
  searchTypes: (query: string) => Promise<{ types: TypeSummary[]; total: number }>;
}

export type BrowseStore = StoreApi<BrowseState & BrowseActions>;

export interface BrowseStoreDeps {
  api: CloudshelfApi;
  /** Holds the chosen profile: the one source of truth for it. */
  shell: ShellStore;
  inventory: InventoryStore;
  /** Quiet time before a change is saved. Default 200 ms. */
  saveDelayMs?: number;
  /** Quiet time after a region change before scanning, so ticking four boxes is one scan. */
  regionScanDelayMs?: number;
  warn?: (message: string, error: unknown) => void;
}

type BrowsePatch = Partial<Omit<BrowseSettings, 'columns'>>;

export function createBrowseStore(deps: BrowseStoreDeps): BrowseStore {
  const { api, shell, inventory } = deps;
  const saveDelayMs = deps.saveDelayMs ?? 200;
  const regionScanDelayMs = deps.regionScanDelayMs ?? 300;
  const warn =
    deps.warn ??
    ((message: string, error: unknown) => {
      console.warn(message, toDisplayError(error).message);
    });

  let settingsRead = false;
  let restoring = false;
  let savedProfile: string | null = null;
  let pending: BrowsePatch | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let scanTimer: ReturnType<typeof setTimeout> | undefined;
  let lastScope: BrowseScope | null = null;
  let regionListSeq = 0;
  const detailsInFlight = new Set<string>();
  const detailsFailed = new Set<string>();
  const goneAhead = new Set<string>();

  return createStore<BrowseState & BrowseActions>()((set, get) => {
    const currentProfile = (): string | null => shell.getState().profile;

    function defaultRegions(profile: string): string[] {
      const summary = shell.getState().profiles.find((p) => p.name === profile);
      return [summary?.region ?? get().details[profile]?.region ?? fallbackRegion];
    }

    function regionsFor(profile: string | null): string[] {
      if (profile === null) return [];
      return get().regionsByProfile[profile] ?? defaultRegions(profile);
    }

    function save(patch: BrowsePatch): void {
      pending = {
        ...pending,
        ...patch,
        ...(patch.regionsByProfile
          ? { regionsByProfile: { ...pending?.regionsByProfile, ...patch.regionsByProfile } }
          : {}),
      };
      clearTimeout(saveTimer);
      saveTimer = setTimeout(flushSave, saveDelayMs);
    }

    function flushSave(): void {
      clearTimeout(saveTimer);
      saveTimer = undefined;
      const browse = pending;
      pending = null;
      if (!browse) return;
      // A failed save loses nothing on screen; the next change saves the whole choice again.
      api.settings.update({ patch: { browse } }).then(
        (settings) => {
          set({ safety: settings.profiles });
        },
        (error: unknown) => {
          warn('Cloudshelf could not save the Browse choices:', error);
        },
      );
    }

    function applySettings(settings: Settings): void {
      const { browse } = settings;
      savedProfile = browse.profile;
      set({
        regionsByProfile: browse.regionsByProfile,
        typeName: browse.typeName ?? defaultTypeName,
        recentTypes: browse.recentTypes.slice(0, maxRecentTypes),
        safety: settings.profiles,
      });
    }

    function loadDetails(profile: string | null): void {
      if (profile === null || get().details[profile] || detailsInFlight.has(profile)) return;
      detailsInFlight.add(profile);
      detailsFailed.delete(profile);
      api.profiles
        .details({ profile })
        .then(
          (found) => {
            set({ details: { ...get().details, [profile]: found } });
          },
          (error: unknown) => {
            // Kind and MFA need stay unknown; scanning still works and says what fails.
            detailsFailed.add(profile);
            warn(`Cloudshelf could not read the details of profile ${profile}:`, error);
          },
        )
        .finally(() => {
          detailsInFlight.delete(profile);
          sync();
        });
    }

    function loadRegionList(): void {
      const mine = ++regionListSeq;
      const { typeName } = get();
      const profile = currentProfile();
      api.regions.list({ typeName, ...(profile === null ? {} : { profile }) }).then(
        ({ regions }) => {
          if (mine === regionListSeq) {
            set({ regionList: regions, regionListType: typeName, regionListError: null });
          }
        },
        (error: unknown) => {
          if (mine === regionListSeq) set({ regionListError: toDisplayError(error) });
        },
      );
    }

    /** Starts the scan the chosen scope calls for, unless it already runs or must wait. */
    function sync(): void {
      clearTimeout(scanTimer);
      scanTimer = undefined;
      const profile = currentProfile();
      if (!get().ready || profile === null) return;
      const { regions, typeName, details, awaitingGoAhead } = get();
      const stop = (): void => {
        lastScope = null;
        void inventory.getState().cancel();
      };
      if (regions.length === 0) {
        stop();
        return;
      }
      if (!details[profile] && !detailsFailed.has(profile)) return;
      if (details[profile]?.needsMfa && !goneAhead.has(profile)) {
        if (awaitingGoAhead !== profile) set({ awaitingGoAhead: profile });
        stop();
        return;
      }
      if (awaitingGoAhead !== null) set({ awaitingGoAhead: null });
      const scope: BrowseScope = { profile, regions: [...regions], typeName };
      if (lastScope && sameScope(lastScope, scope)) return;
      lastScope = scope;
      void inventory.getState().load(scope);
    }

    /** Once both the profiles and the saved scope are known: restore it, then scan. */
    function restore(): void {
      const shellState = shell.getState();
      if (restoring || get().ready || !settingsRead || shellState.appState !== 'ready') return;
      if (
        savedProfile !== null &&
        savedProfile !== shellState.profile &&
        shellState.profiles.some((p) => p.name === savedProfile)
      ) {
        // The shell store tells its subscribers (this one too) at once; they wait for `ready`.
        restoring = true;
        shellState.selectProfile(savedProfile);
        restoring = false;
      }
      const profile = currentProfile();
      set({ ready: true, regions: regionsFor(profile) });
      loadDetails(profile);
      sync();
    }

    function profileChanged(): void {
      if (!get().ready) return;
      const profile = currentProfile();
      set({ regions: regionsFor(profile), awaitingGoAhead: null });
      if (profile !== null) save({ profile });
      loadDetails(profile);
      sync();
    }

    return {
      ready: false,
      regions: [],
      regionsByProfile: {},
      typeName: defaultTypeName,
      recentTypes: [],
      details: {},
      safety: {},
      regionList: [],
      regionListType: null,
      regionListError: null,
      awaitingGoAhead: null,
      regionPickerOpen: false,

      start() {
        let live = true;
        const stopShell = shell.subscribe((state, previous) => {
          if (state.profiles !== previous.profiles && get().ready) {
            // The AWS files changed: a profile's kind or MFA need may have too.
            set({ details: {} });
            loadDetails(state.profile);
          }
          if (state.profile !== previous.profile) profileChanged();
          restore();
        });
        void api.settings
          .get()
          .then(
            (settings) => {
              if (live) applySettings(settings);
            },
            (error: unknown) => {
              warn(
                'Cloudshelf could not read its settings; Browse starts from the defaults:',
                error,
              );
            },
          )
          .finally(() => {
            if (!live) return;
            settingsRead = true;
            restore();
          });
        loadRegionList();
        return () => {
          live = false;
          stopShell();
          clearTimeout(scanTimer);
          flushSave();
        };
      },

      setRegions(regions) {
        const profile = currentProfile();
        if (profile === null) return;
        const order = get().regionList.map((region) => region.code);
        const rank = (code: string): number => {
          const at = order.indexOf(code);
          return at === -1 ? order.length : at;
        };
        const chosen = [...new Set(regions)].sort((a, b) => rank(a) - rank(b));
        set({
          regions: chosen,
          regionsByProfile: { ...get().regionsByProfile, [profile]: chosen },
        });
        save({ regionsByProfile: { [profile]: chosen } });
        if (chosen.length === 0) {
          sync();
          return;
        }
        clearTimeout(scanTimer);
        scanTimer = setTimeout(sync, regionScanDelayMs);
      },

      chooseDefaultRegions() {
        const profile = currentProfile();
        if (profile === null) return;
        get().setRegions(defaultRegions(profile));
        sync();
      },

      setType(typeName) {
        const recentTypes = [typeName, ...get().recentTypes.filter((t) => t !== typeName)].slice(
          0,
          maxRecentTypes,
        );
        const changed = typeName !== get().typeName;
        set({ typeName, recentTypes });
        save({ typeName, recentTypes });
        if (!changed) return;
        loadRegionList();
        sync();
      },

      goAhead() {
        const profile = currentProfile();
        if (profile === null) return;
        goneAhead.add(profile);
        sync();
      },

      setRegionPickerOpen(open) {
        set({ regionPickerOpen: open });
      },

      searchTypes(query) {
        return api.catalog.search({ query: query.slice(0, 200), limit: typeSearchLimit });
      },
    };
  });
}
