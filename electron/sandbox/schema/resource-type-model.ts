import type { ResourceSchema } from '../../registry/resource-schema';
import { listHandlerInputs } from './list-handler';
import {
  cloneJson,
  isRecord,
  parsePath,
  pathName,
  pathsOverlap,
  pointerToPath,
  slotsAt,
  valueAt,
  type PropertyPath,
} from './property-paths';
import { generateReadOnly, type GenerationPlan } from './read-only-generation';
import type { SchemaValidators } from './schema-validators';
import { handlerNamesOf, isGlobalType, pageSizeFor, provisioningTypeOf } from './type-traits';
import type { ResourceTypeModel, SchemaViolation } from './type-model';
import { extraneousKeyViolation, notAnObjectViolation, violationsFromAjv } from './violations';

export interface ResourceTypeModelOptions {
  validators: SchemaValidators;
  /** The registry file's text, returned by DescribeType as `Schema`. */
  schemaText?: string;
  /** The registry file's timestamp, DescribeType's `LastUpdated`. */
  lastUpdated?: Date;
}

function pathsOf(pointers: readonly string[] | undefined): PropertyPath[] {
  return (pointers ?? []).map(pointerToPath).filter((path): path is string[] => path !== undefined);
}

/** Identifier parts as Cloud Control prints them: strings as-is, numbers and booleans as text. */
function identifierPart(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function setAt(target: Record<string, unknown>, path: PropertyPath, value: unknown): void {
  let container = target;
  for (const segment of path.slice(0, -1)) {
    const next = container[segment];
    if (!isRecord(next)) container[segment] = {};
    container = container[segment] as Record<string, unknown>;
  }
  const key = path[path.length - 1];
  if (key !== undefined) container[key] = value;
}

/** Removes every value at the paths (deepest last, so a removed parent hides its children). */
function removeAt(model: Record<string, unknown>, paths: readonly PropertyPath[]): void {
  for (const path of paths) {
    for (const slot of slotsAt(model, path)) Reflect.deleteProperty(slot.container, slot.key);
  }
}

/**
 * Builds the sandbox's view of one registry type. Pointer lists become property paths
 * (`ImageArn`, or `Export/ExportArn` for nested pointers, which are kept whole: a nested
 * read-only field does not make its parent read-only).
 */
export function createResourceTypeModel(
  schema: ResourceSchema,
  options: ResourceTypeModelOptions,
): ResourceTypeModel {
  const { validators } = options;
  const handlers = handlerNamesOf(schema);
  const primaryIdentifierPaths = pathsOf(schema.primaryIdentifier);
  const readOnlyPaths = pathsOf(schema.readOnlyProperties);
  const createOnlyPaths = pathsOf(schema.createOnlyProperties);
  const writeOnlyPaths = pathsOf(schema.writeOnlyProperties);
  const list = listHandlerInputs(schema);
  const plan: GenerationPlan = {
    typeName: schema.typeName,
    schema,
    readOnlyPaths,
    primaryIdentifierPaths,
  };
  // Shallowest first, so a read-only parent is reported (and removed) before its children.
  const readOnlyByDepth = [...readOnlyPaths].sort((a, b) => a.length - b.length);

  function validateModel(model: unknown): SchemaViolation[] {
    if (!isRecord(model)) return [notAnObjectViolation(model)];
    const validate = validators.resource(schema);
    return validate(model) ? [] : violationsFromAjv(validate.errors);
  }

  return {
    typeName: schema.typeName,
    schema,
    provisioningType: provisioningTypeOf(handlers),
    handlers,
    primaryIdentifier: primaryIdentifierPaths.map(pathName),
    readOnlyProperties: readOnlyPaths.map(pathName),
    createOnlyProperties: createOnlyPaths.map(pathName),
    writeOnlyProperties: writeOnlyPaths.map(pathName),
    listParameters: list.parameters,
    listRequired: list.required,
    listRequiredAlternatives: list.alternatives,
    isGlobal: isGlobalType(schema.typeName),
    pageSize: pageSizeFor(schema.typeName),
    ...(options.schemaText !== undefined ? { schemaText: options.schemaText } : {}),
    ...(options.lastUpdated !== undefined ? { lastUpdated: options.lastUpdated } : {}),

    validateCreate(desired) {
      if (!isRecord(desired)) return [notAnObjectViolation(desired)];
      // CloudFormation validates a create against the schema without its read-only
      // properties, so supplying one reads as an extraneous key.
      const writable = cloneJson(desired);
      const refused: SchemaViolation[] = [];
      for (const path of readOnlyByDepth) {
        for (const slot of slotsAt(writable, path)) {
          if (slot.container[slot.key] === undefined) continue;
          refused.push(extraneousKeyViolation(slot.location, slot.key));
          Reflect.deleteProperty(slot.container, slot.key);
        }
      }
      return [...refused, ...validateModel(writable)];
    },

    validateModel,

    validateListModel(model) {
      const validate = validators.listHandler(schema);
      if (!validate) return [];
      const candidate = model ?? {};
      if (!isRecord(candidate)) return [notAnObjectViolation(candidate)];
      return validate(candidate) ? [] : violationsFromAjv(validate.errors);
    },

    createOnlyTouched(paths) {
      const touched = paths.map(parsePath);
      return createOnlyPaths
        .filter((createOnly) => touched.some((path) => pathsOverlap(path, createOnly)))
        .map(pathName);
    },

    withGeneratedReadOnly(desired, context) {
      return generateReadOnly(plan, desired, context);
    },

    identifierOf(model) {
      const parts: string[] = [];
      for (const path of primaryIdentifierPaths) {
        const part = identifierPart(valueAt(model, path));
        if (part === undefined) return undefined;
        parts.push(part);
      }
      return parts.join('|');
    },

    readable(model) {
      const copy = cloneJson(model);
      removeAt(copy, writeOnlyPaths);
      return copy;
    },

    listed(model) {
      const result: Record<string, unknown> = {};
      for (const path of primaryIdentifierPaths) {
        const value = valueAt(model, path);
        if (value !== undefined) setAt(result, path, cloneJson(value));
      }
      return result;
    },
  };
}
