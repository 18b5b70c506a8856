import { isJsonObject, pointerSegments, type JsonObject } from './json-value';

/**
 * Marks a node whose object schema is a definition the form resolves only when it renders
 * the node (see `lazy-refs.ts`); the validator follows it like `$ref`.
 */
export const LAZY_REF = 'x-lazy-ref';

/** Keywords whose value is one subschema. */
const SINGLE = [
  'additionalProperties',
  'additionalItems',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
] as const;
/** Keywords whose value is a list of subschemas. */
const LISTS = ['allOf', 'anyOf', 'oneOf'] as const;
/** Keywords whose value maps names to subschemas. */
const MAPS = ['properties', 'patternProperties', 'definitions', 'dependencies'] as const;

/** Calls `visit` on every direct subschema of `node` that is an object (not `true`/`false`). */
export function forEachSubschema(node: JsonObject, visit: (child: JsonObject) => void): void {
  for (const key of SINGLE) {
    const child = node[key];
    if (isJsonObject(child)) visit(child);
  }
  const items = node.items;
  if (isJsonObject(items)) visit(items);
  else if (Array.isArray(items)) for (const item of items) if (isJsonObject(item)) visit(item);
  for (const key of LISTS) {
    const list = node[key];
    if (Array.isArray(list)) for (const child of list) if (isJsonObject(child)) visit(child);
  }
  for (const key of MAPS) {
    const map = node[key];
    // `dependencies` values may be arrays of names; only schema values are visited.
    if (isJsonObject(map))
      for (const child of Object.values(map)) if (isJsonObject(child)) visit(child);
  }
}

/**
 * Resolves a local `$ref` (`#/definitions/X`, also with rjsf's `__rjsf_rootSchema` prefix)
 * against `root`. Returns undefined for anything that does not resolve.
 */
export function resolveRef(root: JsonObject, ref: string): unknown {
  const hash = ref.indexOf('#');
  if (hash < 0) return undefined;
  let node: unknown = root;
  for (const segment of pointerSegments(decodeURIComponent(ref.slice(hash + 1)))) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isJsonObject(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

/**
 * Follows a chain of `$ref`s from `node`, merging each level's sibling keywords over the
 * target (siblings win), and returns a fresh object without `$ref`. Unresolvable or cyclic
 * chains stop where they break, so the result is always an object.
 */
export function dereference(root: JsonObject, node: JsonObject): JsonObject {
  let current = node;
  const seen = new Set<string>();
  const layers: JsonObject[] = [];
  for (;;) {
    const ref = current.$ref;
    if (typeof ref !== 'string' || seen.has(ref)) break;
    seen.add(ref);
    const target = resolveRef(root, ref);
    if (!isJsonObject(target)) break;
    const { $ref: _ref, ...siblings } = current;
    layers.push(siblings);
    current = target;
  }
  const { $ref: _ref, ...base } = current;
  let merged: JsonObject = base;
  for (let i = layers.length - 1; i >= 0; i--) merged = { ...merged, ...layers[i] };
  return merged;
}

/** The object's `required` list, or an empty list. */
export function requiredOf(node: JsonObject): string[] {
  const required = node.required;
  return Array.isArray(required) ? required.filter((r): r is string => typeof r === 'string') : [];
}

/** The object's `properties`, or undefined. */
export function propertiesOf(node: JsonObject): JsonObject | undefined {
  const properties = node.properties;
  return isJsonObject(properties) ? properties : undefined;
}

/**
 * `node` with `map` applied to each direct subschema, copied only where something changed
 * (the counterpart of `forEachSubschema` for rewrites).
 */
export function mapSubschemas(
  node: JsonObject,
  map: (child: JsonObject) => JsonObject,
): JsonObject {
  let out = node;
  const set = (key: string, value: unknown) => {
    if (out === node) out = { ...node };
    out[key] = value;
  };
  for (const key of SINGLE) {
    const child = node[key];
    if (isJsonObject(child)) {
      const next = map(child);
      if (next !== child) set(key, next);
    }
  }
  const mapList = (list: readonly unknown[]): unknown[] | undefined => {
    const next = list.map((c) => (isJsonObject(c) ? map(c) : c));
    return next.some((c, i) => c !== list[i]) ? next : undefined;
  };
  const items = node.items;
  if (isJsonObject(items)) {
    const next = map(items);
    if (next !== items) set('items', next);
  } else if (Array.isArray(items)) {
    const next = mapList(items);
    if (next) set('items', next);
  }
  for (const key of LISTS) {
    const list = node[key];
    if (!Array.isArray(list)) continue;
    const next = mapList(list);
    if (next) set(key, next);
  }
  for (const key of MAPS) {
    const entries = node[key];
    if (!isJsonObject(entries)) continue;
    let changed = false;
    const next: JsonObject = {};
    for (const [name, child] of Object.entries(entries)) {
      next[name] = isJsonObject(child) ? map(child) : child;
      if (next[name] !== child) changed = true;
    }
    if (changed) set(key, next);
  }
  return out;
}
