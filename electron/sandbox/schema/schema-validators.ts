import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { ResourceSchema } from '../../registry/resource-schema';
import { isRecord } from './property-paths';
import { rebaseLocalRefs, sanitizeSchema, type SanitizeReport } from './schema-sanitizer';

/** The keywords of a provider schema's root that constrain a model (the rest is metadata). */
const ROOT_VALIDATION_KEYWORDS = [
  'properties',
  'definitions',
  'required',
  'additionalProperties',
  'patternProperties',
  'dependencies',
  'oneOf',
  'anyOf',
  'allOf',
  'not',
  'minProperties',
  'maxProperties',
] as const;

const RESOURCE_DOCUMENT = 'resource-schema.json';

/** Each type gets its own base URI, so list handlers' `resource-schema.json#/…` refs resolve. */
function baseUri(typeName: string): string {
  return `https://registry.cloudshelf.invalid/${encodeURIComponent(typeName.replaceAll('::', '-'))}/`;
}

export interface CompileProblem {
  typeName: string;
  which: 'resource' | 'list';
  message: string;
}

export interface SchemaValidators {
  /** Validates a whole model against the type's schema. Compiled on first use, then cached. */
  resource(schema: ResourceSchema): ValidateFunction;
  /** Validates a list call's ResourceModel; undefined when the list handler takes none. */
  listHandler(schema: ResourceSchema): ValidateFunction | undefined;
  /** Schemas ajv refused (a looser fallback validator is used for them). */
  readonly problems: readonly CompileProblem[];
  /** Patterns skipped because JavaScript cannot compile them, per type. */
  skippedPatterns(typeName: string): readonly string[];
}

function resourceValidationSchema(schema: ResourceSchema, report: SanitizeReport) {
  const picked: Record<string, unknown> = {};
  for (const keyword of ROOT_VALIDATION_KEYWORDS) {
    if (schema[keyword] !== undefined) picked[keyword] = schema[keyword];
  }
  return sanitizeSchema(picked, report) as Record<string, unknown>;
}

/** When ajv cannot compile a schema, still check required, unknown keys and top-level types. */
function fallbackSchema(schema: ResourceSchema): Record<string, unknown> {
  return {
    properties: Object.fromEntries(Object.keys(schema.properties).map((name) => [name, {}])),
    ...(schema.required ? { required: schema.required } : {}),
    ...(schema.additionalProperties === false ? { additionalProperties: false } : {}),
  };
}

/**
 * One ajv instance per catalog, configured for registry schemas: draft-07, `strict: false`
 * (the registry adds keywords such as `insertionOrder`), every error reported, patterns in
 * `u` mode. `code.optimize: false` and `inlineRefs: false` halve compile time on the large
 * QuickSight schemas with no measurable cost to validation.
 */
export function createSchemaValidators(): SchemaValidators {
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    verbose: true,
    unicodeRegExp: true,
    inlineRefs: false,
    code: { optimize: false },
    // Unknown formats (`int64`, `timestamp`, …) are ignored, which is what CloudFormation does.
    logger: { log: () => undefined, warn: () => undefined, error: console.error },
  });
  addFormats(ajv);
  const problems: CompileProblem[] = [];
  const skipped = new Map<string, string[]>();
  const registered = new Set<string>();
  const listValidators = new Map<string, ValidateFunction | undefined>();

  function registerResource(schema: ResourceSchema): string {
    const id = baseUri(schema.typeName) + RESOURCE_DOCUMENT;
    if (!registered.has(id)) {
      const report: SanitizeReport = { skippedPatterns: [] };
      ajv.addSchema({ ...resourceValidationSchema(schema, report), $id: id });
      skipped.set(schema.typeName, report.skippedPatterns);
      registered.add(id);
    }
    return id;
  }

  function resource(schema: ResourceSchema): ValidateFunction {
    const id = registerResource(schema);
    try {
      const validate = ajv.getSchema(id);
      if (validate) return validate;
      throw new Error(`ajv did not register ${id}`);
    } catch (error) {
      problems.push({ typeName: schema.typeName, which: 'resource', message: String(error) });
      ajv.removeSchema(id);
      ajv.addSchema({ ...fallbackSchema(schema), $id: id });
      const validate = ajv.getSchema(id);
      if (!validate) throw error;
      return validate;
    }
  }

  function compileListHandler(schema: ResourceSchema): ValidateFunction | undefined {
    const handlerSchema = schema.handlers?.list?.handlerSchema;
    if (!isRecord(handlerSchema)) return undefined;
    registerResource(schema);
    const base = baseUri(schema.typeName);
    const report: SanitizeReport = { skippedPatterns: [] };
    // Handler schemas have no definitions of their own: a local `#/properties/X` ref (one
    // type writes it) means the resource's property, like the usual `resource-schema.json#/…`.
    const rebased = rebaseLocalRefs(sanitizeSchema(handlerSchema, report), RESOURCE_DOCUMENT);
    try {
      return ajv.compile({
        ...(rebased as Record<string, unknown>),
        $id: base + 'list-handler.json',
      });
    } catch (error) {
      problems.push({ typeName: schema.typeName, which: 'list', message: String(error) });
      const required = Array.isArray(handlerSchema.required) ? handlerSchema.required : [];
      return ajv.compile({ required });
    }
  }

  return {
    resource,
    listHandler(schema) {
      if (!listValidators.has(schema.typeName)) {
        listValidators.set(schema.typeName, compileListHandler(schema));
      }
      return listValidators.get(schema.typeName);
    },
    problems,
    skippedPatterns: (typeName) => skipped.get(typeName) ?? [],
  };
}
