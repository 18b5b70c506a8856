import { isRecord } from './property-paths';
import { isUsablePattern } from './unicode-patterns';

/** Keywords whose values are data, not schemas: never rewrite inside them. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);
/** Keywords whose values map names to schemas. */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'definitions', 'dependencies']);
/** Match-everything keys standing in for patternProperties keys JavaScript cannot compile. */
const MATCH_ANY_KEY = '^[\\s\\S]*$';

export interface SanitizeReport {
  /** `pattern` values dropped because they do not compile as `u`-mode regular expressions. */
  skippedPatterns: string[];
}

function sanitizePatternProperties(value: unknown, report: SanitizeReport): unknown {
  if (!isRecord(value)) return value;
  const result: Record<string, unknown> = {};
  let unusable = 0;
  for (const [pattern, schema] of Object.entries(value)) {
    if (isUsablePattern(pattern)) {
      result[pattern] = sanitizeSchema(schema, report);
    } else {
      // Keep the value schema but let any name match: the name check is what we cannot do.
      report.skippedPatterns.push(pattern);
      result[MATCH_ANY_KEY + '(?:)'.repeat(unusable++)] = sanitizeSchema(schema, report);
    }
  }
  return result;
}

/**
 * A copy of a registry schema that ajv accepts: `$schema` removed (ajv would try to load the
 * CloudFormation meta-schema), and patterns JavaScript cannot compile skipped.
 */
export function sanitizeSchema(node: unknown, report: SanitizeReport): unknown {
  if (Array.isArray(node)) return node.map((item) => sanitizeSchema(item, report));
  if (!isRecord(node)) return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema') continue;
    if (key === 'pattern' && typeof value === 'string') {
      if (isUsablePattern(value)) result[key] = value;
      else report.skippedPatterns.push(value);
    } else if (key === 'patternProperties') {
      result[key] = sanitizePatternProperties(value, report);
    } else if (DATA_KEYWORDS.has(key)) {
      result[key] = value;
    } else if (SCHEMA_MAP_KEYWORDS.has(key) && isRecord(value)) {
      result[key] = Object.fromEntries(
        Object.entries(value).map(([name, schema]) => [name, sanitizeSchema(schema, report)]),
      );
    } else {
      result[key] = sanitizeSchema(value, report);
    }
  }
  return result;
}

/** Points local `$ref`s (`#/…`) at another document, e.g. a list handler's resource schema. */
export function rebaseLocalRefs(node: unknown, documentUri: string): unknown {
  if (Array.isArray(node)) return node.map((item) => rebaseLocalRefs(item, documentUri));
  if (!isRecord(node)) return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#')) {
      result[key] = documentUri + value;
    } else {
      result[key] = DATA_KEYWORDS.has(key) ? value : rebaseLocalRefs(value, documentUri);
    }
  }
  return result;
}
