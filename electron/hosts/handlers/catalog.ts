import type { CatalogService } from '../../core/catalog/service';
import type { HandlerTable } from '../dispatch';

export interface CatalogHandlerServices {
  catalog: CatalogService;
}

type CatalogHandlers = Pick<
  HandlerTable,
  'catalog.search' | 'catalog.describe' | 'catalog.refresh' | 'regions.list'
>;

/**
 * The type catalog and region list calls. Type schemas and region availability are the same
 * for every account, so `profile` only matters to refresh (whose credentials reach AWS);
 * describe and regions.list answer from the snapshot and the per-region caches.
 */
export function createCatalogHandlers({ catalog }: CatalogHandlerServices): CatalogHandlers {
  return {
    'catalog.search': ({ query, limit }) => catalog.search(query, limit),
    'catalog.describe': ({ typeName }) => catalog.describe(typeName),
    'catalog.refresh': ({ profile, region }) => catalog.refresh(profile, region),
    'regions.list': async ({ typeName }) => ({ regions: await catalog.regions(typeName) }),
  };
}
