import { isJsonObject, type JsonObject } from '../json-value';
import { dereference, propertiesOf, requiredOf } from '../schema-nodes';

/**
 * A plausible smallest value for a schema: required properties only, the first enum
 * choice, strings of the minimum length. A guess for tests (it need not be valid; the point
 * is exercising the validator and the form with data of roughly the right shape).
 */
export function minimalData(root: JsonObject, node: unknown = root, depth = 0): unknown {
  if (depth > 10 || !isJsonObject(node)) return undefined;
  const schema = dereference(root, node);
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const branches = [schema.oneOf, schema.anyOf].find((b): b is unknown[] => Array.isArray(b));
  const first: unknown = branches?.[0];
  const type: unknown = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === undefined && propertiesOf(schema) === undefined && isJsonObject(first)) {
    return minimalData(root, first, depth + 1);
  }
  switch (type ?? (propertiesOf(schema) ? 'object' : undefined)) {
    case 'string': {
      if (schema.format === 'date-time') return '2024-01-31T13:45:00Z';
      const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
      return 'a'.repeat(Math.max(1, Math.min(min, 64)));
    }
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return true;
    case 'array': {
      const count = typeof schema.minItems === 'number' ? Math.min(schema.minItems, 3) : 0;
      return Array.from({ length: count }, () => minimalData(root, schema.items, depth + 1));
    }
    case 'object': {
      const properties = propertiesOf(schema) ?? {};
      const required = [...requiredOf(schema)];
      if (isJsonObject(first)) required.push(...requiredOf(first));
      const out: JsonObject = {};
      for (const name of required) {
        const value = minimalData(root, properties[name], depth + 1);
        if (value !== undefined) out[name] = value;
      }
      return out;
    }
    default:
      return undefined;
  }
}
