import { compilePattern } from '../js-pattern';
import { isJsonObject, jsonEqual, pointerEscape, type JsonObject } from '../json-value';
import { LAZY_REF, resolveRef } from '../schema-nodes';
import { matchesFormat } from './formats';

/**
 * A JSON Schema (draft-07) validator that interprets the schema instead of compiling it.
 * ajv generates code with `new Function`, which the renderer's Content Security Policy
 * forbids; this walks the schema directly, which is fast enough for forms and needs no
 * compile step. Errors have ajv's shape, so rjsf and our messages treat them alike.
 */

export interface SchemaError {
  /** JSON pointer to the offending value (`/Tags/0/Key`); `''` for the root. */
  instancePath: string;
  /** Where the failing keyword sits in the schema (`#/definitions/Tag/required`). */
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  /** ajv-style English; the form shows the friendlier text from `messages.ts`. */
  message: string;
  /** The schema node holding the keyword. */
  parentSchema: JsonObject;
  /** The offending value. */
  data: unknown;
}

interface Context {
  root: JsonObject;
  allErrors: boolean;
  errors: SchemaError[];
  /** `$ref`s being evaluated at an instance path: re-entering one means a cycle. */
  active: Set<string>;
}

function hasType(data: unknown, type: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof data === 'string';
    case 'number':
      return typeof data === 'number' && Number.isFinite(data);
    case 'integer':
      return typeof data === 'number' && Number.isInteger(data);
    case 'boolean':
      return typeof data === 'boolean';
    case 'null':
      return data === null;
    case 'array':
      return Array.isArray(data);
    case 'object':
      return isJsonObject(data);
    default:
      return true;
  }
}

function textLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

function numberParam(schema: JsonObject, key: string): number | undefined {
  const value = schema[key];
  return typeof value === 'number' ? value : undefined;
}

/** Validates quietly (first error only, nothing recorded): for anyOf/oneOf/not/if. */
function passes(schema: unknown, data: unknown, path: string, ctx: Context): boolean {
  return check(schema, data, path, '#', { ...ctx, allErrors: false, errors: [] });
}

function check(
  schema: unknown,
  data: unknown,
  path: string,
  schemaPath: string,
  ctx: Context,
): boolean {
  if (schema === true || schema === undefined) return true;
  if (schema === false) {
    ctx.errors.push({
      instancePath: path,
      schemaPath,
      keyword: 'false schema',
      params: {},
      message: 'boolean schema is false',
      parentSchema: {},
      data,
    });
    return false;
  }
  if (!isJsonObject(schema)) return true;

  let valid = true;
  /** Records an error; returns true when evaluation should stop (first-error mode). */
  const fail = (
    keyword: string,
    params: Record<string, unknown>,
    message: string,
    at = path,
  ): boolean => {
    valid = false;
    ctx.errors.push({
      instancePath: at,
      schemaPath: `${schemaPath}/${keyword}`,
      keyword,
      params,
      message,
      parentSchema: schema,
      data,
    });
    return !ctx.allErrors;
  };
  /** Validates a subschema, recording its errors; returns true when evaluation should stop. */
  const sub = (child: unknown, value: unknown, at: string, keywordPath: string): boolean => {
    if (!check(child, value, at, `${schemaPath}/${keywordPath}`, ctx)) {
      valid = false;
      return !ctx.allErrors;
    }
    return false;
  };

  // The form's render schema hides object references behind LAZY_REF; follow those too.
  const ref = typeof schema.$ref === 'string' ? schema.$ref : schema[LAZY_REF];
  if (typeof ref === 'string') {
    const key = `${ref}\u0000${path}`;
    const target = resolveRef(ctx.root, ref);
    if (target !== undefined && !ctx.active.has(key)) {
      ctx.active.add(key);
      const ok = check(target, data, path, ref.slice(ref.indexOf('#')), ctx);
      ctx.active.delete(key);
      if (!ok) {
        valid = false;
        if (!ctx.allErrors) return false;
      }
    }
  }

  const { type } = schema;
  if (type !== undefined) {
    const types = Array.isArray(type) ? type : [type];
    if (!types.some((t) => hasType(data, t))) {
      const names = types.join(',');
      if (fail('type', { type: names }, `must be ${names}`)) return false;
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((v) => jsonEqual(v, data))) {
    const message = 'must be equal to one of the allowed values';
    if (fail('enum', { allowedValues: schema.enum }, message)) return false;
  }
  if (Object.hasOwn(schema, 'const') && !jsonEqual(schema.const, data)) {
    if (fail('const', { allowedValue: schema.const }, 'must be equal to constant')) return false;
  }

  if (typeof data === 'string' && !checkString(schema, data, fail)) return false;
  if (typeof data === 'number' && !checkNumber(schema, data, fail)) return false;
  if (Array.isArray(data) && !checkArray(schema, data, path, ctx, fail, sub)) return false;
  if (isJsonObject(data) && !checkObject(schema, data, path, ctx, fail, sub)) return false;

  if (Array.isArray(schema.allOf)) {
    for (const [i, branch] of schema.allOf.entries()) {
      if (sub(branch, data, path, `allOf/${i}`)) return false;
    }
  }
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((b) => passes(b, data, path, ctx))) {
    if (fail('anyOf', {}, 'must match a schema in anyOf')) return false;
  }
  if (Array.isArray(schema.oneOf)) {
    const passing = schema.oneOf.flatMap((b, i) => (passes(b, data, path, ctx) ? [i] : []));
    if (passing.length !== 1) {
      const params = { passingSchemas: passing.length > 1 ? passing : null };
      if (fail('oneOf', params, 'must match exactly one schema in oneOf')) return false;
    }
  }
  if (schema.not !== undefined && passes(schema.not, data, path, ctx)) {
    if (fail('not', {}, 'must NOT be valid')) return false;
  }
  if (schema.if !== undefined && (schema.then !== undefined || schema.else !== undefined)) {
    const branch = passes(schema.if, data, path, ctx) ? 'then' : 'else';
    const before = ctx.errors.length;
    if (schema[branch] !== undefined && sub(schema[branch], data, path, branch)) return false;
    if (ctx.errors.length > before) {
      fail('if', { failingKeyword: branch }, `must match "${branch}" schema`);
    }
  }
  return valid;
}

type Fail = (
  keyword: string,
  params: Record<string, unknown>,
  message: string,
  at?: string,
) => boolean;
type Sub = (child: unknown, value: unknown, at: string, keywordPath: string) => boolean;

/** Each of these returns false when evaluation should stop. */
function checkString(schema: JsonObject, data: string, fail: Fail): boolean {
  const min = numberParam(schema, 'minLength');
  const max = numberParam(schema, 'maxLength');
  if (min !== undefined || max !== undefined) {
    const length = textLength(data);
    if (max !== undefined && length > max) {
      if (fail('maxLength', { limit: max }, `must NOT have more than ${max} characters`)) {
        return false;
      }
    }
    if (min !== undefined && length < min) {
      if (fail('minLength', { limit: min }, `must NOT have fewer than ${min} characters`)) {
        return false;
      }
    }
  }
  if (typeof schema.pattern === 'string') {
    const re = compilePattern(schema.pattern);
    if (re && !re.test(data)) {
      const { pattern } = schema;
      if (fail('pattern', { pattern }, `must match pattern "${pattern}"`)) return false;
    }
  }
  if (typeof schema.format === 'string' && !matchesFormat(schema.format, data)) {
    const { format } = schema;
    if (fail('format', { format }, `must match format "${format}"`)) return false;
  }
  return true;
}

function checkNumber(schema: JsonObject, data: number, fail: Fail): boolean {
  const bounds: [string, string, (limit: number) => boolean][] = [
    ['minimum', '>=', (l) => data >= l],
    ['maximum', '<=', (l) => data <= l],
    ['exclusiveMinimum', '>', (l) => data > l],
    ['exclusiveMaximum', '<', (l) => data < l],
  ];
  for (const [keyword, comparison, ok] of bounds) {
    const limit = numberParam(schema, keyword);
    if (limit !== undefined && !ok(limit)) {
      if (fail(keyword, { comparison, limit }, `must be ${comparison} ${limit}`)) return false;
    }
  }
  const multipleOf = numberParam(schema, 'multipleOf');
  if (multipleOf !== undefined && multipleOf > 0) {
    const ratio = data / multipleOf;
    // ajv's `multipleOfPrecision: 8`, as rjsf configures it: 0.3 is a multiple of 0.1.
    if (Math.abs(Math.round(ratio) - ratio) > 1e-8) {
      if (fail('multipleOf', { multipleOf }, `must be multiple of ${multipleOf}`)) return false;
    }
  }
  if (typeof schema.format === 'string' && !matchesFormat(schema.format, data)) {
    const { format } = schema;
    if (fail('format', { format }, `must match format "${format}"`)) return false;
  }
  return true;
}

function checkArray(
  schema: JsonObject,
  data: readonly unknown[],
  path: string,
  ctx: Context,
  fail: Fail,
  sub: Sub,
): boolean {
  const max = numberParam(schema, 'maxItems');
  if (max !== undefined && data.length > max) {
    if (fail('maxItems', { limit: max }, `must NOT have more than ${max} items`)) return false;
  }
  const min = numberParam(schema, 'minItems');
  if (min !== undefined && data.length < min) {
    if (fail('minItems', { limit: min }, `must NOT have fewer than ${min} items`)) return false;
  }
  if (schema.uniqueItems === true) {
    outer: for (let i = 1; i < data.length; i++) {
      for (let j = 0; j < i; j++) {
        if (jsonEqual(data[i], data[j])) {
          const message = `must NOT have duplicate items (items ## ${j} and ${i} are identical)`;
          if (fail('uniqueItems', { i, j }, message)) return false;
          break outer;
        }
      }
    }
  }
  const { items } = schema;
  if (Array.isArray(items)) {
    for (const [i, value] of data.entries()) {
      const at = `${path}/${i}`;
      if (i < items.length) {
        if (sub(items[i], value, at, `items/${i}`)) return false;
      } else if (schema.additionalItems === false) {
        const message = `must NOT have more than ${items.length} items`;
        if (fail('additionalItems', { limit: items.length }, message)) return false;
        break;
      } else if (sub(schema.additionalItems, value, at, 'additionalItems')) {
        return false;
      }
    }
  } else if (items !== undefined) {
    for (const [i, value] of data.entries()) {
      if (sub(items, value, `${path}/${i}`, 'items')) return false;
    }
  }
  if (schema.contains !== undefined) {
    const found = data.some((value, i) => passes(schema.contains, value, `${path}/${i}`, ctx));
    if (!found && fail('contains', {}, 'must contain at least 1 valid item')) return false;
  }
  return true;
}

function checkObject(
  schema: JsonObject,
  data: JsonObject,
  path: string,
  ctx: Context,
  fail: Fail,
  sub: Sub,
): boolean {
  // rjsf leaves `undefined` where a field was cleared; JSON has no such value.
  const keys = Object.keys(data).filter((k) => data[k] !== undefined);
  const present = new Set(keys);
  const max = numberParam(schema, 'maxProperties');
  if (max !== undefined && keys.length > max) {
    if (fail('maxProperties', { limit: max }, `must NOT have more than ${max} properties`)) {
      return false;
    }
  }
  const min = numberParam(schema, 'minProperties');
  if (min !== undefined && keys.length < min) {
    if (fail('minProperties', { limit: min }, `must NOT have fewer than ${min} properties`)) {
      return false;
    }
  }
  if (Array.isArray(schema.required)) {
    for (const name of schema.required) {
      if (typeof name === 'string' && !present.has(name)) {
        const message = `must have required property '${name}'`;
        if (fail('required', { missingProperty: name }, message)) return false;
      }
    }
  }
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  const patterns = isJsonObject(schema.patternProperties)
    ? Object.entries(schema.patternProperties).flatMap(([p, s]) => {
        const re = compilePattern(p);
        return re ? [{ p, re, s }] : [];
      })
    : [];
  for (const key of keys) {
    const at = `${path}/${pointerEscape(key)}`;
    const value = data[key];
    const declared = Object.hasOwn(properties, key);
    if (declared && sub(properties[key], value, at, `properties/${pointerEscape(key)}`)) {
      return false;
    }
    let matched = false;
    for (const { p, re, s } of patterns) {
      if (!re.test(key)) continue;
      matched = true;
      if (sub(s, value, at, `patternProperties/${pointerEscape(p)}`)) return false;
    }
    if (declared || matched) continue;
    const additional = schema.additionalProperties;
    if (additional === false) {
      const message = 'must NOT have additional properties';
      if (fail('additionalProperties', { additionalProperty: key }, message)) return false;
    } else if (additional !== undefined && sub(additional, value, at, 'additionalProperties')) {
      return false;
    }
  }
  if (schema.propertyNames !== undefined) {
    const names = schema.propertyNames;
    for (const key of keys) {
      if (passes(names, key, path, ctx)) continue;
      const pattern = isJsonObject(names) ? names.pattern : undefined;
      const params = { propertyName: key, ...(typeof pattern === 'string' ? { pattern } : {}) };
      if (fail('propertyNames', params, `property name '${key}' is invalid`)) return false;
    }
  }
  if (isJsonObject(schema.dependencies)) {
    for (const [name, dependency] of Object.entries(schema.dependencies)) {
      if (!present.has(name)) continue;
      if (Array.isArray(dependency)) {
        const deps = dependency.filter((d): d is string => typeof d === 'string');
        for (const missing of deps.filter((d) => !present.has(d))) {
          const params = {
            property: name,
            missingProperty: missing,
            depsCount: deps.length,
            deps: deps.join(', '),
          };
          const message = `must have property ${missing} when property ${name} is present`;
          if (fail('dependencies', params, message)) return false;
        }
      } else if (sub(dependency, data, path, `dependencies/${pointerEscape(name)}`)) {
        return false;
      }
    }
  }
  return true;
}

/**
 * Validates `data` against `schema`, resolving `$ref`s against `root`. With `allErrors`
 * false it stops at the first error (enough for yes/no questions). Never throws: references
 * that don't resolve, patterns JavaScript can't compile and unknown formats are skipped,
 * and a `$ref` cycle that consumes no data counts as valid.
 */
export function validateValue(
  schema: unknown,
  data: unknown,
  root: JsonObject,
  allErrors = true,
): SchemaError[] {
  const ctx: Context = { root, allErrors, errors: [], active: new Set() };
  check(schema, data, '', '#', ctx);
  return ctx.errors;
}
