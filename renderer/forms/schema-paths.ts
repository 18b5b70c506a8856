import { isJsonObject, pointerSegments, type JsonObject } from './json-value';
import { dereference, propertiesOf, requiredOf } from './schema-nodes';

/**
 * A property path from a CloudFormation pointer: `/properties/A/B/*\/C` → `['A', 'B', '*', 'C']`
 * (`*` stands for every array item). Undefined for pointers outside `/properties`.
 */
export function propertyPath(pointer: string): string[] | undefined {
  const segments = pointerSegments(pointer);
  if (segments[0] !== 'properties' || segments.length < 2) return undefined;
  return segments.slice(1);
}

type Edit = (object: JsonObject, key: string) => void;

/**
 * Applies `edit(parentObjectSchema, lastKey)` at `path`, copying every node on the way
 * (resolving `$ref`s into local copies) so definitions shared with other places are left
 * alone. Returns the new node, or `node` itself when the path does not exist.
 */
export function editSchemaAt(
  root: JsonObject,
  node: JsonObject,
  path: readonly string[],
  edit: Edit,
): JsonObject {
  const [head, ...rest] = path;
  if (head === undefined) return node;
  const own = dereference(root, node);
  let changed = false;

  if (head === '*') {
    if (isJsonObject(own.items)) {
      const items = editSchemaAt(root, own.items, rest, edit);
      if (items !== own.items) {
        own.items = items;
        changed = true;
      }
    }
  } else {
    const properties = propertiesOf(own);
    if (properties && Object.hasOwn(properties, head)) {
      if (rest.length === 0) {
        own.properties = { ...properties };
        edit(own, head);
        changed = true;
      } else {
        const child = properties[head];
        if (isJsonObject(child)) {
          const next = editSchemaAt(root, child, rest, edit);
          if (next !== child) {
            own.properties = { ...properties, [head]: next };
            changed = true;
          }
        }
      }
    } else if (head === 'properties' && rest.length > 0) {
      // Some pointers spell the inner level out: `/properties/A/properties/B`.
      return editSchemaAt(root, node, rest, edit);
    } else if (rest.length === 0 && requiredOf(own).includes(head)) {
      // A oneOf branch such as `{ required: ['A'] }` names the property without declaring it.
      edit(own, head);
      changed = true;
    }
  }

  // A property may also be declared inside a oneOf/anyOf/allOf branch.
  for (const keyword of ['oneOf', 'anyOf', 'allOf'] as const) {
    const branches = own[keyword];
    if (!Array.isArray(branches)) continue;
    const edited = branches.map((branch: unknown) =>
      isJsonObject(branch) ? editSchemaAt(root, branch, path, edit) : branch,
    );
    if (edited.some((branch, i) => branch !== branches[i])) {
      own[keyword] = edited;
      changed = true;
    }
  }
  return changed ? own : node;
}

/** An `edit` that removes the property and its `required` entry. */
export function removeProperty(object: JsonObject, key: string): void {
  const properties = propertiesOf(object);
  if (properties) Reflect.deleteProperty(properties, key);
  unrequire(object, key);
}

/** An `edit` that keeps the property but stops requiring it. */
export function unrequire(object: JsonObject, key: string): void {
  if (Array.isArray(object.required)) {
    const required = object.required.filter((name) => name !== key);
    if (required.length > 0) object.required = required;
    else delete object.required;
  }
}
