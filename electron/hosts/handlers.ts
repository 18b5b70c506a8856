import { readAppInfo, type AppIdentity } from '../core/app-info';
import { defaultDataDir } from '../core/app-paths';
import { cacheUntilFailure } from '../core/cached-load';
import { EventBus } from '../core/events';
import type { ProfileEnv } from '../core/profiles/env';
import { profileDetails } from '../core/profiles/resolve';
import type { CallName } from '../../shared/contract';
import type { Handler, HandlerTable } from './dispatch';
import type { ExportSessions } from './export/sessions';
import { createCatalogHandlers } from './handlers/catalog';
import { createExportHandlers } from './handlers/export';
import { createInventoryHandlers } from './handlers/inventory';
import { createProfileHandlers } from './handlers/profiles';
import { createResourceHandlers } from './handlers/resources';
import { createSettingsHandlers } from './handlers/settings';
import { createHostServices, type HostServices } from './services';

export interface HandlerDeps {
  identity: AppIdentity;
  env: ProfileEnv & {
    CLOUDSHELF_DATA_DIR?: string | undefined;
    CLOUDSHELF_SANDBOX_ENDPOINT?: string | undefined;
  };
  /** The host's services; hosts pass theirs so events reach their clients. */
  services?: HostServices;
  /** Exports from the window; a host without them refuses `export.*` (see handlers/export.ts). */
  exports?: ExportSessions;
}

type LoadedCall =
  | 'catalog.search'
  | 'catalog.describe'
  | 'catalog.refresh'
  | 'regions.list'
  | 'inventory.scan'
  | 'inventory.cancel';

/** The one handler table all three hosts (Electron IPC, browser mode, CLI) serve. */
export function createHandlers(deps: HandlerDeps): HandlerTable {
  const services =
    deps.services ??
    createHostServices({
      env: deps.env,
      bus: new EventBus(),
      dataDir: defaultDataDir(deps.env),
      log: () => undefined,
    });

  // Calls that need the registry snapshot wait for it on first use; the shell's own calls
  // (app.info, profiles.*) never do.
  const table = cacheUntilFailure(async (): Promise<Pick<HandlerTable, LoadedCall>> => {
    const loaded = await services.loaded();
    return {
      ...createCatalogHandlers({ catalog: loaded.catalog }),
      ...createInventoryHandlers({
        scans: loaded.scans,
        profileRegion: async (profile) => (await profileDetails(profile, deps.env)).region,
      }),
    };
  });
  const later =
    <N extends LoadedCall & CallName>(name: N): Handler<N> =>
    async (args, context) =>
      ((await table())[name] as Handler<N>)(args, context);

  return {
    'app.info': () => Promise.resolve(readAppInfo(deps.identity)),
    ...createProfileHandlers({ env: deps.env, sessions: services.sessions }),
    ...createSettingsHandlers(services.settings),
    ...createResourceHandlers({ mutations: services.mutations }),
    ...createExportHandlers(deps.exports),
    'catalog.search': later('catalog.search'),
    'catalog.describe': later('catalog.describe'),
    'catalog.refresh': later('catalog.refresh'),
    'regions.list': later('regions.list'),
    'inventory.scan': later('inventory.scan'),
    'inventory.cancel': later('inventory.cancel'),
  };
}
