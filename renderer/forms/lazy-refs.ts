import { isJsonObject, type JsonObject } from './json-value';
import { dereference, LAZY_REF, mapSubschemas, propertiesOf } from './schema-nodes';
import { hasOnlyConstraintBranches } from './ui-schema';

export { LAZY_REF } from './schema-nodes';

/** Objects with properties, unless a oneOf/anyOf offers real alternatives (rjsf must see those). */
function resolvesLazily(target: JsonObject): boolean {
  if (propertiesOf(target) === undefined) return false;
  const alternatives = ['oneOf', 'anyOf'].some((k) => Array.isArray(target[k]));
  return !alternatives || hasOnlyConstraintBranches(target);
}

/**
 * The schema the form renders: `schema` with each `$ref` to an object definition replaced
 * by `{ type: 'object', description, 'x-lazy-ref': ref }`. Validation keeps using `schema`.
 */
export function withLazyObjectRefs(root: JsonObject): JsonObject {
  const definitions = isJsonObject(root.definitions) ? root.definitions : {};
  const lazy = new Set<string>();
  for (const [name, definition] of Object.entries(definitions)) {
    if (isJsonObject(definition) && resolvesLazily(dereference(root, definition))) {
      lazy.add(`#/definitions/${name}`);
    }
  }
  if (lazy.size === 0) return root;
  const rewrite = (node: JsonObject): JsonObject => {
    const ref = node.$ref;
    if (typeof ref === 'string' && lazy.has(ref)) {
      const { $ref: _ref, ...siblings } = node;
      const { description } = dereference(root, node);
      return {
        type: 'object',
        ...(typeof description === 'string' ? { description } : {}),
        ...siblings,
        [LAZY_REF]: ref,
      };
    }
    return mapSubschemas(node, rewrite);
  };
  return rewrite(root);
}

/** The object schema behind a lazy node (its own keywords win, as beside a `$ref`). */
export function resolveLazyNode(root: JsonObject, node: JsonObject): JsonObject {
  const ref = node[LAZY_REF];
  if (typeof ref !== 'string') return node;
  const { [LAZY_REF]: _lazy, type: _type, ...siblings } = node;
  return dereference(root, { ...siblings, $ref: ref });
}
