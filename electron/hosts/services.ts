import { join } from 'node:path';
import { cacheUntilFailure } from '../core/cached-load';
import { createSessionProvider, type ProfileSessions } from '../core/aws/session-provider';
import { createCatalogService, type CatalogService } from '../core/catalog/service';
import type { EventBus } from '../core/events';
import {
  createRateLimiters,
  createScanEngine,
  typeInfoFromSchemas,
  type ScanEngine,
} from '../core/inventory';
import {
  createMutationService,
  createRequestJournal,
  schemaWriteOnlyProperties,
  type MutationService,
  type SecretBox,
} from '../core/mutations';
import type { ProfileEnv } from '../core/profiles/env';
import { makeContentsPrivate, makeFolderPrivate } from '../core/files/private-folder';
import { createSettingsStore, type SettingsStore } from '../core/settings/store';
import { loadRegistrySnapshot } from '../registry/snapshot';
import { startSandbox, type RunningSandbox } from '../sandbox';

export interface HostServicesOptions {
  env: ProfileEnv & {
    /** Points the built-in Sandbox profile at a sandbox already running (tests, demos). */
    CLOUDSHELF_SANDBOX_ENDPOINT?: string | undefined;
  };
  bus: EventBus;
  /**
   * Cloudshelf's own files: catalog caches in `<dataDir>/catalog`, the request journal in
   * `<dataDir>/requests.json`.
   */
  dataDir: string;
  log: (line: string) => void;
  /**
   * Pick up the requests a previous run left unfinished (default true). The command line
   * passes false: it never mutates, and must not re-send or rewrite the app's journal.
   */
  resumeMutations?: boolean;
  /** Stop a credential_process that has not finished by then (the CLI); default: never. */
  credentialTimeoutMs?: number;
  /**
   * Seals write-only values while the journal keeps them (until AWS accepts a request): the
   * desktop app's is built on safeStorage; without one they wait as they are, in a 0600 file.
   */
  secretBox?: SecretBox;
}

/** The services that need the registry snapshot, built on first use (≈0.3 s to load). */
export interface LoadedServices {
  catalog: CatalogService;
  scans: ScanEngine;
}

export interface HostServices {
  /** Built at once: cheap, and the MFA prompt must be answerable from the first call. */
  readonly sessions: ProfileSessions;
  readonly settings: SettingsStore;
  /**
   * Creates, updates, deletes and their tracking. Built at once, and requests a previous run
   * left unfinished are picked up at once (unless `resumeMutations` is false), whether or
   * not a window ever opens.
   */
  readonly mutations: MutationService;
  loaded(): Promise<LoadedServices>;
  close(): Promise<void>;
}

/**
 * Everything the handler table needs, built once per host. The in-process sandbox behind
 * the built-in Sandbox profile starts only when that profile is first used.
 */
export function createHostServices(options: HostServicesOptions): HostServices {
  const { env, bus, dataDir, log } = options;
  // An inventory of the account lives here: owner-only before anything is read or written,
  // then whatever an earlier version left readable inside is fixed in the background.
  makeFolderPrivate(dataDir, log);
  const contentsPrivate = makeContentsPrivate(dataDir, log);
  let sandbox: Promise<RunningSandbox> | undefined;
  const external = env.CLOUDSHELF_SANDBOX_ENDPOINT;
  const ensureSandbox = (): Promise<{ endpoint: string }> => {
    if (external) return Promise.resolve({ endpoint: external });
    sandbox ??= startSandbox({
      port: 0,
      log: (line) => {
        log(`sandbox: ${line}`);
      },
    });
    return sandbox;
  };
  const sessions = createSessionProvider({
    env,
    bus,
    sandbox: ensureSandbox,
    log,
    credentialTimeoutMs: options.credentialTimeoutMs ?? null,
  });
  // One request budget per (account, region), counted by scans and mutations alike.
  const limiters = createRateLimiters();
  const settings = createSettingsStore({ file: join(dataDir, 'settings.json'), log });
  const mutations = createMutationService({
    sessions,
    bus,
    settings,
    limiters,
    journal: createRequestJournal({
      file: join(dataDir, 'requests.json'),
      log,
      ...(options.secretBox ? { secretBox: options.secretBox } : {}),
    }),
    // From the catalog, so a type refreshed from AWS since the snapshot counts too.
    writeOnlyProperties: async (typeName, region) => {
      const { catalog } = await build();
      return schemaWriteOnlyProperties((await catalog.describe(typeName, { region })).schema);
    },
    log,
  });
  if (options.resumeMutations !== false) void mutations.resume();

  // Failed loads (e.g. a missing snapshot file) are retried on the next call.
  const build = cacheUntilFailure(async (): Promise<LoadedServices> => {
    const snapshot = await loadRegistrySnapshot();
    const catalog = createCatalogService({
      snapshot,
      sessions,
      cacheDir: join(dataDir, 'catalog'),
      log,
    });
    const scans = createScanEngine({
      sessions,
      bus,
      typeInfo: typeInfoFromSchemas(snapshot),
      limiters,
      offers: (typeName, region) => catalog.offers(typeName, region),
    });
    return { catalog, scans };
  });
  const loaded = (): Promise<LoadedServices> => build();

  return {
    sessions,
    settings,
    mutations,
    loaded,
    close: async () => {
      await contentsPrivate;
      // Trackers stop before their clients are destroyed; unfinished requests resume next start.
      await mutations.close();
      sessions.close();
      if (sandbox) await (await sandbox).close();
    },
  };
}
