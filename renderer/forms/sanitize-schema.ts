import { plainDescription } from './description-text';
import { toJsPattern } from './js-pattern';
import { isJsonObject, jsonEqual, type JsonObject } from './json-value';
import { forEachSubschema, propertiesOf, resolveRef } from './schema-nodes';
import { KNOWN_FORMATS } from './validator/formats';

/** Resource-level keys of a CloudFormation schema that are not JSON Schema. */
const RESOURCE_ONLY_KEYS = [
  '$schema',
  '$id',
  'typeName',
  'handlers',
  'primaryIdentifier',
  'additionalIdentifiers',
  'readOnlyProperties',
  'createOnlyProperties',
  'writeOnlyProperties',
  'conditionalCreateOnlyProperties',
  'deprecatedProperties',
  'nonPublicProperties',
  'nonPublicDefinitions',
  'propertyTransform',
  'tagging',
  'taggable',
  'replacementStrategy',
  'sourceUrl',
  'documentationUrl',
  'resourceLink',
  'remote',
  'mappings',
];

/**
 * Keys dropped from every schema node: CloudFormation annotations, and `title`/`examples`
 * because the form labels fields with their property names (what the JSON tab and AWS use).
 */
const NODE_ONLY_KEYS = [
  '$comment',
  '$id',
  '$schema',
  'insertionOrder',
  'arrayType',
  'relationshipRef',
  'propertyPath',
  'tagging',
  'title',
  'examples',
];

/**
 * Rewrites `$ref: "#/properties/X"` (a few schemas point at a property) to a copy under
 * `definitions`, so dropping or filtering properties later cannot break the reference.
 */
export function detachPropertyRefs(root: JsonObject): void {
  const copies = new Map<string, string>();
  const definitions = isJsonObject(root.definitions) ? root.definitions : {};
  const visit = (node: JsonObject): void => {
    const ref = node.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/properties/')) {
      let name = copies.get(ref);
      if (name === undefined) {
        name = `__property_${ref.slice('#/properties/'.length).replace(/[^A-Za-z0-9_]/g, '_')}`;
        const target = resolveRef(root, ref);
        definitions[name] = isJsonObject(target) ? structuredClone(target) : {};
        copies.set(ref, name);
      }
      node.$ref = `#/definitions/${name}`;
    }
    forEachSubschema(node, visit);
  };
  visit(root);
  if (copies.size > 0) {
    root.definitions = definitions;
    // The copies may themselves point at properties.
    for (const name of copies.values()) {
      const copy = definitions[name];
      if (isJsonObject(copy)) visit(copy);
    }
  }
}

/** Removes the resource-level CloudFormation keys, leaving a JSON Schema. */
export function stripResourceKeys(root: JsonObject): void {
  for (const key of RESOURCE_ONLY_KEYS) Reflect.deleteProperty(root, key);
}

/**
 * Makes every schema node something a JavaScript validator and rjsf accept: CloudFormation
 * keywords and unknown formats removed, Java regexes rewritten or dropped (also as
 * `patternProperties` keys), draft-04 boolean `exclusiveMinimum`/`exclusiveMaximum`
 * converted, and `patternProperties`-only maps turned into `additionalProperties` maps with
 * a `propertyNames` check, which rjsf edits as key/value rows. Mutates in place.
 */
export function sanitizeNode(node: JsonObject): void {
  for (const key of NODE_ONLY_KEYS) Reflect.deleteProperty(node, key);
  if (typeof node.description === 'string') node.description = plainDescription(node.description);

  if (typeof node.format === 'string' && !KNOWN_FORMATS.has(node.format)) delete node.format;
  else if (node.format !== undefined && typeof node.format !== 'string') delete node.format;

  if (node.pattern !== undefined) {
    const pattern = typeof node.pattern === 'string' ? toJsPattern(node.pattern) : undefined;
    if (pattern === undefined) delete node.pattern;
    else node.pattern = pattern;
  }

  convertExclusiveBound(node, 'exclusiveMinimum', 'minimum');
  convertExclusiveBound(node, 'exclusiveMaximum', 'maximum');

  if (node.required !== undefined && !Array.isArray(node.required)) delete node.required;
  if (Array.isArray(node.enum) && node.enum.length === 0) delete node.enum;
  if (node.type === 'object' && node.additionalProperties === true)
    delete node.additionalProperties;

  if (isJsonObject(node.patternProperties)) convertPatternProperties(node, node.patternProperties);
  else delete node.patternProperties;

  // rjsf renders nothing for `{}` (any value at all); a description makes it a JSON field.
  if (Object.keys(node).length === 0) node.description = 'Any JSON value.';

  forEachSubschema(node, sanitizeNode);
}

function convertExclusiveBound(
  node: JsonObject,
  exclusive: 'exclusiveMinimum' | 'exclusiveMaximum',
  inclusive: 'minimum' | 'maximum',
): void {
  const flag = node[exclusive];
  if (typeof flag !== 'boolean') return;
  if (flag && typeof node[inclusive] === 'number') {
    node[exclusive] = node[inclusive];
    Reflect.deleteProperty(node, inclusive);
  } else {
    Reflect.deleteProperty(node, exclusive);
  }
}

function convertPatternProperties(node: JsonObject, patternProperties: JsonObject): void {
  const kept: [string, unknown][] = [];
  let dropped = false;
  for (const [pattern, value] of Object.entries(patternProperties)) {
    const js = toJsPattern(pattern);
    if (js === undefined) dropped = true;
    else kept.push([js, value]);
  }
  if (propertiesOf(node) !== undefined) {
    // Named properties beside the patterns: keep the patterns, rjsf handles that mix.
    if (kept.length > 0) node.patternProperties = Object.fromEntries(kept);
    else delete node.patternProperties;
    return;
  }
  delete node.patternProperties;
  const closed = node.additionalProperties === false || node.additionalProperties === undefined;
  const values = kept.map(([, value]) => value);
  const first = values[0];
  const valueSchema =
    values.length === 0
      ? (node.additionalProperties ?? {})
      : values.every((v) => jsonEqual(v, first))
        ? first
        : { anyOf: values };
  node.additionalProperties = valueSchema === false ? {} : valueSchema;
  if (closed && !dropped && kept.length > 0) {
    const patterns = kept.map(([pattern]) => ({ pattern }));
    node.propertyNames = patterns.length === 1 ? patterns[0] : { anyOf: patterns };
  }
  if (node.type === undefined) node.type = 'object';
}
