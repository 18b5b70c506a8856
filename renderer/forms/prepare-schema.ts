import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { isJsonObject, type JsonObject } from './json-value';
import { detachPropertyRefs, sanitizeNode, stripResourceKeys } from './sanitize-schema';
import { propertiesOf, requiredOf } from './schema-nodes';
import { withLazyObjectRefs } from './lazy-refs';
import { editSchemaAt, propertyPath, removeProperty, unrequire } from './schema-paths';
import { asUiSchema, buildUiSchema, markUiAt } from './ui-schema';

/** Which form a schema is prepared for. */
export type FormMode = 'create' | 'update';

export interface PrepareOptions {
  mode: FormMode;
  /** Keep only the required top-level properties (the "Required only" view). */
  requiredOnly: boolean;
}

/** A CloudFormation resource schema turned into what the form renders and validates. */
export interface PreparedSchema {
  /** JSON Schema (draft-07) for the resource's DesiredState, with `definitions` for `$ref`s. */
  schema: RJSFSchema;
  /**
   * What the rjsf `Form` renders: `schema` with object references resolved only when shown
   * (`lazy-refs.ts`), so huge and recursive schemas stay fast. Validate with `schema`.
   */
  renderSchema: RJSFSchema;
  /** rjsf uiSchema: field order, widgets, read-only marks and help. */
  uiSchema: UiSchema;
  typeName: string;
  mode: FormMode;
  requiredOnly: boolean;
  /** Required top-level property names, in schema order (what the form marks with `*`). */
  required: string[];
  /** CloudFormation pointers (`/properties/X/Y`) of properties AWS sets; not in `schema`. */
  readOnly: string[];
  /** Pointers of properties that can only be set on create (read-only fields in update mode). */
  createOnly: string[];
  /** Pointers of properties AWS never returns (never pre-filled; not required in update mode). */
  writeOnly: string[];
}

const CREATE_ONLY_HELP = 'Set when the resource was created; can’t be changed.';
const WRITE_ONLY_HELP =
  'AWS never returns this value, so it starts empty. Leave it empty to keep it.';

function pointers(raw: JsonObject, key: string): string[] {
  const list = raw[key];
  return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
}

/**
 * Prepares a CloudFormation resource schema (the registry's `Schema` JSON text) for the form:
 * read-only properties removed (nested ones too, without touching shared definitions),
 * CloudFormation keywords stripped, Java-only regexes rewritten or dropped, required
 * properties ordered first; in update mode create-only properties are read-only and
 * write-only ones are no longer required. Throws when the text is not a JSON object.
 * The result is cached and shared: treat it as read-only.
 */
export function prepareSchema(schemaJson: string, options: PrepareOptions): PreparedSchema {
  const key = `${options.mode}:${String(options.requiredOnly)}`;
  const cached = recent.get(schemaJson)?.get(key);
  if (cached) return cached;
  const prepared = prepareUncached(schemaJson, options);
  const forText = recent.get(schemaJson) ?? new Map<string, PreparedSchema>();
  forText.set(key, prepared);
  recent.delete(schemaJson);
  recent.set(schemaJson, forText);
  const oldest = recent.keys().next();
  if (recent.size > RECENT_SCHEMAS && oldest.done !== true) recent.delete(oldest.value);
  return prepared;
}

/**
 * The last few schemas prepared, by text and options: a form prepares the same schema on
 * every view switch and (under StrictMode) twice per render. Results are shared, so callers
 * must treat them as read-only.
 */
const recent = new Map<string, Map<string, PreparedSchema>>();
const RECENT_SCHEMAS = 4;

function prepareUncached(schemaJson: string, options: PrepareOptions): PreparedSchema {
  const parsed: unknown = JSON.parse(schemaJson);
  if (!isJsonObject(parsed)) throw new Error('The resource schema is not a JSON object.');
  const raw = parsed;
  const typeName = typeof raw.typeName === 'string' ? raw.typeName : '';
  const readOnly = pointers(raw, 'readOnlyProperties');
  const createOnly = pointers(raw, 'createOnlyProperties');
  const writeOnly = pointers(raw, 'writeOnlyProperties');

  detachPropertyRefs(raw);
  stripResourceKeys(raw);
  sanitizeNode(raw);
  if (raw.type === undefined) raw.type = 'object';
  if (!isJsonObject(raw.properties)) raw.properties = {};

  let root: JsonObject = raw;
  for (const pointer of readOnly) {
    const path = propertyPath(pointer);
    if (path) root = editSchemaAt(root, root, path, removeProperty);
  }
  if (options.mode === 'update') {
    // Write-only values are never pre-filled; requiring them would force retyping secrets.
    for (const pointer of writeOnly) {
      const path = propertyPath(pointer);
      if (path) root = editSchemaAt(root, root, path, unrequire);
    }
  }

  const properties = propertiesOf(root) ?? {};
  const requiredSet = new Set(requiredOf(root));
  const required = Object.keys(properties).filter((name) => requiredSet.has(name));
  if (options.requiredOnly) {
    root = {
      ...root,
      properties: Object.fromEntries(required.map((name) => [name, properties[name]])),
    };
    // Values typed in the "All properties" view stay in the data while hidden.
    delete root.additionalProperties;
  }

  const ui = buildUiSchema(root);
  ui['ui:submitButtonOptions'] = { norender: true };
  // rjsf can mistake the root for an optional object (when its properties are $refs) and
  // collapse it; the collapsing is for nested objects only.
  ui['ui:options'] = {
    ...(isJsonObject(ui['ui:options']) ? ui['ui:options'] : {}),
    enableOptionalDataFieldForType: [],
  };
  ui['ui:globalOptions'] = {
    // Order rarely matters in CloudFormation lists; the JSON tab can reorder.
    orderable: false,
    copyable: false,
    // Optional nested objects stay collapsed (title + Add) until they get data.
    enableOptionalDataFieldForType: ['object'],
  };
  if (options.mode === 'update') {
    for (const pointer of writeOnly) {
      const path = propertyPath(pointer);
      if (path) markUiAt(ui, path, { 'ui:help': WRITE_ONLY_HELP });
    }
    for (const pointer of createOnly) {
      const path = propertyPath(pointer);
      if (path) markUiAt(ui, path, { 'ui:readonly': true, 'ui:help': CREATE_ONLY_HELP });
    }
  }

  return {
    schema: root,
    renderSchema: withLazyObjectRefs(root),
    uiSchema: asUiSchema(ui),
    typeName,
    mode: options.mode,
    requiredOnly: options.requiredOnly,
    required,
    readOnly,
    createOnly,
    writeOnly,
  };
}

/** Removes the value at a property path (`*` = every array item) from `data`, in place. */
function removeValueAt(data: unknown, path: readonly string[]): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (head === '*') {
    if (Array.isArray(data)) for (const item of data) removeValueAt(item, rest);
    return;
  }
  if (!isJsonObject(data)) return;
  if (rest.length === 0) Reflect.deleteProperty(data, head);
  else if (Object.hasOwn(data, head)) removeValueAt(data[head], rest);
  else if (head === 'properties') removeValueAt(data, rest);
}

/**
 * The form's starting data for updating a resource whose current model is `properties`
 * (as read from AWS): a copy without the read-only values (the form has no fields for them)
 * and without write-only ones (AWS does not return real values for those, so they are never
 * pre-filled).
 */
export function initialDataForUpdate(
  prepared: PreparedSchema,
  properties: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const data = structuredClone(properties) as Record<string, unknown>;
  for (const pointer of [...prepared.readOnly, ...prepared.writeOnly]) {
    const path = propertyPath(pointer);
    if (path) removeValueAt(data, path);
  }
  return data;
}
