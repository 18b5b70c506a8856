import {
  CloudshelfError,
  type CallResult,
  type RegionInfo,
  type TypeDetails,
} from '../../../shared/contract';
import {
  loadRegionAvailability,
  NO_REGION_AVAILABILITY,
  type RegionAvailability,
} from '../../registry/region-availability';
import { parseResourceSchema } from '../../registry/schema-shape';
import type { RegistrySnapshot } from '../../registry/snapshot';
import type { SessionProvider } from '../aws/session';
import { regionsOffering, type LiveTypeLists } from '../regions/availability';
import { offersType } from '../regions/availability';
import { listRegions } from '../regions/list';
import { fetchRegionTypes } from './refresh';
import { refreshError } from './refresh-errors';
import { createTypeSearchIndex, type SearchResult, type TypeSearchIndex } from './search';
import { createTypeCache, isRegionCode, type RegionIndex } from './type-cache';
import { summaryOf, typeFacts, type TypeFacts } from './type-facts';

export interface CatalogServiceOptions {
  snapshot: RegistrySnapshot;
  sessions: SessionProvider;
  /** Live registry caches go to `<cacheDir>/<region>/`. */
  cacheDir: string;
  log: (line: string) => void;
  /** Per-region availability; loaded from the committed data file when absent. */
  regionData?: RegionAvailability;
  now?: () => Date;
  /** DescribeType calls in flight per refresh (default 8). */
  describeConcurrency?: number;
  /** A refresh within this long of the last one answers from the cache (default 60 s). */
  minRefreshIntervalMs?: number;
  /** A cache older than this loses to the snapshot (default 30 days). */
  cacheMaxAgeMs?: number;
}

export interface DescribeOptions {
  /** Prefer this region's cache; without it, the most recently refreshed region's. */
  region?: string;
}

export type RefreshResult = CallResult<'catalog.refresh'>;

export interface CatalogService {
  search(query?: string, limit?: number): Promise<SearchResult>;
  describe(typeName: string, options?: DescribeOptions): Promise<TypeDetails>;
  refresh(profile: string, region: string): Promise<RefreshResult>;
  regions(typeName?: string): Promise<RegionInfo[]>;
  /** Whether a region offers a type: false only when the region data rules it out. */
  offers(typeName: string, region: string): Promise<boolean | null>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_SEARCH_LIMIT = 50;

interface Resolved {
  facts: TypeFacts;
  schema: string;
  source: TypeDetails['source'];
}

export function createCatalogService(options: CatalogServiceOptions): CatalogService {
  const { snapshot, sessions, log } = options;
  const now = options.now ?? (() => new Date());
  const cache = createTypeCache(options.cacheDir, log);
  const maxAge = options.cacheMaxAgeMs ?? 30 * DAY_MS;
  const minInterval = options.minRefreshIntervalMs ?? 60_000;

  const snapshotFacts = new Map<string, TypeFacts>();
  const factsOfSnapshot = (typeName: string): TypeFacts | undefined => {
    let facts = snapshotFacts.get(typeName);
    if (!facts) {
      const schema = snapshot.schema(typeName);
      if (!schema) return undefined;
      facts = typeFacts(schema);
      snapshotFacts.set(typeName, facts);
    }
    return facts;
  };

  // Region caches are read from disk once, then kept current by refresh().
  let caches: Promise<Map<string, RegionIndex>> | undefined;
  const loadCaches = (): Promise<Map<string, RegionIndex>> =>
    (caches ??= (async () => {
      const loaded = new Map<string, RegionIndex>();
      for (const region of await cache.regions()) {
        const index = await cache.readIndex(region);
        if (index) loaded.set(region, index);
      }
      return loaded;
    })());

  let regionData: Promise<RegionAvailability> | undefined;
  const loadRegionData = (): Promise<RegionAvailability> =>
    (regionData ??= options.regionData
      ? Promise.resolve(options.regionData)
      : loadRegionAvailability().catch((error: unknown) => {
          log(`catalog: region availability unavailable (${String(error)}); assuming every region`);
          return NO_REGION_AVAILABILITY;
        }));

  const liveLists = async (): Promise<LiveTypeLists> => {
    const loaded = await loadCaches();
    const sets = new Map(
      [...loaded].map(([region, index]) => [region, new Set(Object.keys(index.types))]),
    );
    return (region) => sets.get(region);
  };

  const fromCache = async (index: RegionIndex, typeName: string): Promise<Resolved | undefined> => {
    const entry = index.types[typeName];
    if (!entry) return undefined;
    if (entry.schemaFile === null) {
      // The live version is the snapshot's: describe it from there.
      const facts = factsOfSnapshot(typeName);
      const schema = snapshot.schemaText(typeName);
      return facts && schema ? { facts, schema, source: 'snapshot' } : undefined;
    }
    const schema = await cache.readSchema(index.region, typeName, entry.schemaFile);
    if (!schema) return undefined;
    return { facts: typeFacts(parseResourceSchema(schema, typeName)), schema, source: 'cache' };
  };

  const resolve = async (typeName: string, region?: string): Promise<Resolved | undefined> => {
    const loaded = await loadCaches();
    const candidates = [...loaded.values()]
      .filter((index) => region === undefined || index.region === region)
      .sort((a, b) => b.fetchedAt.localeCompare(a.fetchedAt));
    const fresh = (index: RegionIndex) => now().getTime() - Date.parse(index.fetchedAt) < maxAge;
    for (const index of candidates.filter(fresh)) {
      const found = await fromCache(index, typeName);
      if (found) return found;
    }
    const facts = factsOfSnapshot(typeName);
    const schema = snapshot.schemaText(typeName);
    if (facts && schema) return { facts, schema, source: 'snapshot' };
    // Better an old description than none for a type only AWS knows about.
    for (const index of candidates.filter((i) => !fresh(i))) {
      const found = await fromCache(index, typeName);
      if (found) return found;
    }
    return undefined;
  };

  // Built once (≈0.2 s for 1,490 schemas), rebuilt when a refresh brings types the snapshot lacks.
  let searchIndex: Promise<TypeSearchIndex> | undefined;
  const buildSearchIndex = async (): Promise<TypeSearchIndex> => {
    const started = performance.now();
    const summaries = new Map<string, TypeFacts>();
    for (const typeName of snapshot.typeNames()) {
      const facts = factsOfSnapshot(typeName);
      if (facts && facts.operations.length > 0) summaries.set(typeName, facts);
    }
    for (const index of (await loadCaches()).values()) {
      for (const typeName of Object.keys(index.types)) {
        if (summaries.has(typeName) || snapshot.has(typeName)) continue;
        const found = await fromCache(index, typeName);
        if (found) summaries.set(typeName, found.facts);
      }
    }
    const built = createTypeSearchIndex([...summaries.values()].map(summaryOf));
    log(
      `catalog: indexed ${summaries.size} types in ${Math.round(performance.now() - started)} ms`,
    );
    return built;
  };

  const inFlight = new Map<string, Promise<RefreshResult>>();

  const refreshRegion = async (profile: string, region: string): Promise<RefreshResult> => {
    const loaded = await loadCaches();
    const previous = loaded.get(region);
    if (previous && now().getTime() - Date.parse(previous.fetchedAt) < minInterval) {
      return { types: Object.keys(previous.types).length, source: 'cache' };
    }
    let outcome;
    try {
      const { cloudFormation } = await sessions.clients(profile, region);
      outcome = await fetchRegionTypes({
        client: cloudFormation,
        region,
        snapshot,
        cache,
        previous,
        concurrency: options.describeConcurrency ?? 8,
        now,
        log,
      });
    } catch (error) {
      const failure = refreshError(error, profile, region);
      log(`catalog refresh ${region} (${profile}) failed: ${failure.code}: ${failure.message}`);
      throw failure;
    }
    try {
      await cache.write(outcome.index, outcome.schemas);
    } catch (error) {
      // The fresh answer is still good for this session; next start falls back as usual.
      log(`catalog refresh ${region}: could not write the cache: ${String(error)}`);
    }
    loaded.set(region, outcome.index);
    searchIndex = undefined;
    log(
      `catalog refresh ${region}: ${Object.keys(outcome.index.types).length} types, ${outcome.described} described`,
    );
    return { types: Object.keys(outcome.index.types).length, source: 'live' };
  };

  return {
    async search(query, limit = DEFAULT_SEARCH_LIMIT) {
      searchIndex ??= buildSearchIndex();
      return (await searchIndex).search(query, limit);
    },

    async describe(typeName, describeOptions = {}) {
      const found = await resolve(typeName, describeOptions.region);
      if (!found) {
        throw new CloudshelfError(
          'NotFound',
          `Cloudshelf does not know the resource type "${typeName}".`,
          'Check the name (for example AWS::SageMaker::Image), or refresh the catalog from a region that offers it.',
        );
      }
      const regions = regionsOffering(typeName, await loadRegionData(), await liveLists());
      return { ...found.facts, regions, schema: found.schema, source: found.source };
    },

    refresh(profile, region) {
      if (!isRegionCode(region)) {
        return Promise.reject(
          new CloudshelfError('InvalidArguments', `"${region}" is not an AWS region code.`),
        );
      }
      // Two clicks on "refresh" share one pass over the registry.
      const running = inFlight.get(region);
      if (running) return running;
      const started = refreshRegion(profile, region).finally(() => inFlight.delete(region));
      inFlight.set(region, started);
      return started;
    },

    async regions(typeName) {
      return listRegions(typeName, await loadRegionData(), await liveLists());
    },

    async offers(typeName, region) {
      return offersType(typeName, region, await loadRegionData(), await liveLists());
    },
  };
}
