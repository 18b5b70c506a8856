import type { UiSchema } from '@rjsf/utils';
import { isJsonObject, type JsonObject } from './json-value';
import { dereference, propertiesOf, requiredOf } from './schema-nodes';

/** Options our templates read from `ui:options`. */
export interface FormUiOptions {
  /** An object rendered as one compact row, e.g. a `{ Key, Value }` tag. */
  layout?: 'keyValue';
  /** A field inside such a row: its label is visually hidden. */
  inRow?: boolean;
}

/** Registered name of the field that edits free-form values as JSON text. */
export const JSON_FIELD = 'json';

const COMBINATORS = ['oneOf', 'anyOf', 'allOf'] as const;

/**
 * Whether rjsf has nothing structured to render for `node`: free-form objects (policy
 * documents), unions of types such as `["object", "string"]`, arrays without `items`, and
 * untyped nodes. Those are edited as JSON text.
 */
export function isFreeForm(node: JsonObject): boolean {
  if (typeof node.$ref === 'string') return false;
  const { type } = node;
  if (Array.isArray(type)) return type.filter((t) => t !== 'null').length > 1;
  if (node.enum !== undefined || node.const !== undefined) return false;
  if (COMBINATORS.some((k) => Array.isArray(node[k]))) return false;
  if (type === 'array') return !isJsonObject(node.items) && !Array.isArray(node.items);
  if (type !== undefined && type !== 'object') return false;
  return (
    propertiesOf(node) === undefined &&
    !isJsonObject(node.patternProperties) &&
    !isJsonObject(node.additionalProperties)
  );
}

/** `{ Key, Value }`: CloudFormation's tag shape. */
function isKeyValue(node: JsonObject): boolean {
  const properties = propertiesOf(node);
  if (!properties) return false;
  const names = Object.keys(properties).sort();
  return names.length === 2 && names[0] === 'Key' && names[1] === 'Value';
}

/** oneOf/anyOf branches that only constrain which properties are set (`{ required: [A] }`). */
export function hasOnlyConstraintBranches(node: JsonObject): boolean {
  const lists = (['oneOf', 'anyOf'] as const).map((k) => node[k]).filter(Array.isArray);
  return (
    lists.length > 0 &&
    lists.every(
      (branches) =>
        branches.length > 0 &&
        branches.every(
          (b) =>
            isJsonObject(b) &&
            b.$ref === undefined &&
            b.type === undefined &&
            propertiesOf(b) === undefined &&
            b.items === undefined &&
            b.enum === undefined &&
            b.const === undefined,
        ),
    )
  );
}

function withOptions(ui: JsonObject, options: FormUiOptions): void {
  const current = isJsonObject(ui['ui:options']) ? ui['ui:options'] : {};
  ui['ui:options'] = { ...current, ...options };
}

/**
 * The uiSchema for one schema node (not following `$ref`s: referenced definitions get theirs
 * through `ui:definitions`). Required properties come first; free-form values use the JSON
 * field; tag-shaped objects render as one row; objects whose oneOf/anyOf only says which
 * properties to set render as plain objects (the validator still enforces the rule).
 */
function uiForNode(node: JsonObject): JsonObject {
  const ui: JsonObject = {};
  if (typeof node.$ref === 'string') return ui;
  if (isFreeForm(node)) {
    ui['ui:field'] = JSON_FIELD;
    return ui;
  }
  const properties = propertiesOf(node);
  if (properties) {
    const names = Object.keys(properties);
    const required = new Set(requiredOf(node));
    const first = names.filter((n) => required.has(n));
    if (first.length > 0 && first.some((n, i) => names[i] !== n)) {
      ui['ui:order'] = [...first, '*'];
    }
    for (const [name, child] of Object.entries(properties)) {
      if (!isJsonObject(child)) continue;
      const childUi = uiForNode(child);
      if (Object.keys(childUi).length > 0) ui[name] = childUi;
    }
    if (isKeyValue(node)) {
      withOptions(ui, { layout: 'keyValue' });
      for (const name of ['Key', 'Value']) {
        const childUi = isJsonObject(ui[name]) ? ui[name] : {};
        withOptions(childUi, { inRow: true });
        // The row has no visible labels; the placeholders say which box is which.
        childUi['ui:placeholder'] = name;
        ui[name] = childUi;
      }
    }
    if (hasOnlyConstraintBranches(node)) {
      ui['ui:field'] = 'ObjectField';
      ui['ui:fieldReplacesAnyOrOneOf'] = true;
    }
  }
  if (isJsonObject(node.items)) {
    const itemsUi = uiForNode(node.items);
    if (Object.keys(itemsUi).length > 0) ui.items = itemsUi;
  }
  if (isJsonObject(node.additionalProperties)) {
    // A map needs no separate "Add" to exist: its "Add … entry" button is enough.
    if (!properties) ui['ui:enableOptionalDataFieldForType'] = [];
    const valueUi = uiForNode(node.additionalProperties);
    // A map entry's value sits beside its key input, unlabelled on screen.
    if (valueUi['ui:field'] === undefined) valueUi['ui:placeholder'] = 'Value';
    ui.additionalProperties = valueUi;
  }
  return ui;
}

/**
 * Builds the form's uiSchema: one entry per definition (`ui:definitions`, applied wherever
 * rjsf resolves that `$ref`) plus the tree for the root's inline nodes. Linear in the size
 * of the schema: references are never expanded, so recursive schemas stay cheap.
 */
export function buildUiSchema(root: JsonObject): JsonObject {
  const ui = uiForNode(root);
  const definitions: JsonObject = {};
  if (isJsonObject(root.definitions)) {
    for (const [name, definition] of Object.entries(root.definitions)) {
      if (!isJsonObject(definition)) continue;
      const definitionUi = uiForNode(dereference(root, definition));
      if (Object.keys(definitionUi).length > 0) definitions[`#/definitions/${name}`] = definitionUi;
    }
  }
  if (Object.keys(definitions).length > 0) ui['ui:definitions'] = definitions;
  return ui;
}

/**
 * Merges `patch` into the uiSchema node at a property path (`*` = array items), creating the
 * nodes on the way. Used for per-path marks such as create-only fields in update mode.
 */
export function markUiAt(ui: JsonObject, path: readonly string[], patch: JsonObject): void {
  let node = ui;
  path.forEach((segment, i) => {
    if (segment === 'properties' && i < path.length - 1) return;
    const key = segment === '*' ? 'items' : segment;
    const next = node[key];
    const child: JsonObject = isJsonObject(next) ? next : {};
    node[key] = child;
    node = child;
  });
  for (const [key, value] of Object.entries(patch)) {
    node[key] = isJsonObject(value) && isJsonObject(node[key]) ? { ...node[key], ...value } : value;
  }
}

/** Typed view of a built uiSchema, for rjsf. */
export function asUiSchema(ui: JsonObject): UiSchema {
  return ui as UiSchema;
}
