import type { RegistrySnapshot } from '../../registry/snapshot';
import { createResourceTypeModel } from './resource-type-model';
import { createSchemaValidators, type SchemaValidators } from './schema-validators';
import type { ResourceTypeModel, TypeCatalog } from './type-model';

export interface SchemaTypeCatalog extends TypeCatalog {
  /** The catalog's validators, for diagnostics (compile problems, skipped patterns). */
  readonly validators: SchemaValidators;
}

/**
 * Every registry type as a ResourceTypeModel. Models are built on first request and kept;
 * each one compiles its validators only when it first validates something.
 */
export function createTypeCatalog(snapshot: RegistrySnapshot): SchemaTypeCatalog {
  const validators = createSchemaValidators();
  const models = new Map<string, ResourceTypeModel>();
  const names = snapshot.typeNames();
  return {
    validators,
    typeNames: () => names,
    get(typeName) {
      const known = models.get(typeName);
      if (known) return known;
      const schema = snapshot.schema(typeName);
      if (!schema) return undefined;
      const schemaText = snapshot.schemaText(typeName);
      const lastUpdated = snapshot.lastModified(typeName);
      const model = createResourceTypeModel(schema, {
        validators,
        ...(schemaText !== undefined ? { schemaText } : {}),
        ...(lastUpdated !== undefined ? { lastUpdated } : {}),
      });
      models.set(typeName, model);
      return model;
    },
  };
}
