import { isGlobalType } from '../../registry/global-types';
import { listHandlerInputs } from '../../registry/list-handler';
import { findListParent, type SchemaSource } from './parents';
import type { TypeInfo, TypeInfoLookup } from './types';

/** TypeInfo from the registry snapshot (or any schema source), computed once per type. */
export function typeInfoFromSchemas(source: SchemaSource): TypeInfoLookup {
  const cache = new Map<string, TypeInfo | undefined>();
  return (typeName) => {
    if (cache.has(typeName)) return cache.get(typeName);
    const schema = source.schema(typeName);
    let info: TypeInfo | undefined;
    if (schema) {
      const inputs = listHandlerInputs(schema);
      const parent = findListParent(source, typeName);
      info = {
        listRequired: inputs.required,
        listOptional: inputs.parameters.filter((name) => !inputs.required.includes(name)),
        isGlobal: isGlobalType(typeName),
        primaryIdentifier: schema.primaryIdentifier.map((p) => p.replace(/^\/properties\//, '')),
        ...(parent ? { parent } : {}),
        listPermissions: schema.handlers?.list?.permissions ?? [],
        readPermissions: schema.handlers?.read?.permissions ?? [],
      };
    }
    cache.set(typeName, info);
    return info;
  };
}
