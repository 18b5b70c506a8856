import { loadRegistrySnapshot } from '../registry/snapshot';
import { handleCloudFormationQuery } from './cloudformation/query-handler';
import { createTypeCatalog } from './schema/type-catalog';
import type { TypeCatalog } from './schema/type-model';
import type { CloudFormationQueryHandler } from './server';

let shared: Promise<TypeCatalog> | undefined;

/**
 * The catalog built from the vendored registry snapshot. Loaded once per process and
 * shared: models are immutable and build lazily, so sandboxes can share them.
 */
export function defaultCatalog(): Promise<TypeCatalog> {
  shared ??= loadRegistrySnapshot().then(createTypeCatalog);
  shared.catch(() => {
    shared = undefined;
  });
  return shared;
}

/** The CloudFormation registry (DescribeType, ListTypes) over the same catalog. */
export function defaultCloudFormationHandler(catalog: TypeCatalog): CloudFormationQueryHandler {
  return (params, context) => handleCloudFormationQuery(catalog, params, context);
}
