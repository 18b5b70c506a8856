import type { JsonSchemaNode, ResourceSchema } from '../../registry/resource-schema';
import { ANY_ITEM, isRecord, type PropertyPath } from './property-paths';

const MAX_REF_HOPS = 16;

function nodeAtPointer(schema: ResourceSchema, fragment: string): unknown {
  let node: unknown = schema;
  for (const raw of fragment.split('/').slice(1)) {
    if (!isRecord(node)) return undefined;
    node = node[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/**
 * Follows local `$ref`s (`#/definitions/X`, `#/properties/X`) to the node they name, keeping
 * keywords written beside the `$ref` (they refine it). When a node only offers alternatives
 * (`oneOf`/`anyOf`) the first one stands in for it: good enough for generating a value.
 */
export function resolveNode(schema: ResourceSchema, node: unknown): JsonSchemaNode | undefined {
  let current: unknown = node;
  let siblings: Record<string, unknown> = {};
  for (let hop = 0; hop < MAX_REF_HOPS && isRecord(current); hop++) {
    const ref = current.$ref;
    if (typeof ref === 'string' && ref.startsWith('#')) {
      const { $ref: _ref, ...rest } = current;
      siblings = { ...rest, ...siblings };
      current = nodeAtPointer(schema, ref.slice(1));
      continue;
    }
    const alternatives = current.type === undefined ? (current.oneOf ?? current.anyOf) : undefined;
    if (Array.isArray(alternatives) && isRecord(alternatives[0])) {
      const { oneOf: _oneOf, anyOf: _anyOf, ...rest } = current;
      siblings = { ...rest, ...siblings };
      current = alternatives[0];
      continue;
    }
    return { ...current, ...siblings };
  }
  return undefined;
}

/** The schema node describing the value at a property path (`*` steps into array items). */
export function schemaNodeAt(
  schema: ResourceSchema,
  path: PropertyPath,
): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = { properties: schema.properties };
  for (const segment of path) {
    if (!node) return undefined;
    const next: unknown = segment === ANY_ITEM ? node.items : node.properties?.[segment];
    node = resolveNode(schema, next);
  }
  return node;
}

/** The node's primary JSON type (`string`, `integer`, …), looking through type lists. */
export function primaryType(node: JsonSchemaNode | undefined): string | undefined {
  if (!node) return undefined;
  if (typeof node.type === 'string') return node.type;
  if (Array.isArray(node.type)) return node.type.find((type) => type !== 'null');
  if (node.properties) return 'object';
  if (node.items) return 'array';
  if (Array.isArray(node.enum) && typeof node.enum[0] === 'string') return 'string';
  return undefined;
}
