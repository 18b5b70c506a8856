import type { ErrorObject } from 'ajv';
import { codePointLength } from './code-points';
import type { SchemaViolation } from './type-model';

// CloudFormation validates models with the Java everit validator and, for keywords whose
// messages could echo a value (pattern, enum, format, minimum, …), replaces the message with
// `failed validation constraint for keyword [<keyword>]`. Messages here copy that phrasing,
// so the sandbox's InvalidRequestException reads like AWS's.

/** ajv's instance path (`/Tags/0/Key`) as everit writes it (`#/Tags/0/Key`). */
export function violationLocation(instancePath: string | readonly string[]): string {
  if (typeof instancePath === 'string') return '#' + instancePath;
  return [
    '#',
    ...instancePath.map((segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1')),
  ].join('/');
}

const EXPECTED_TYPE_NAMES: Record<string, string> = {
  string: 'String',
  integer: 'Integer',
  number: 'Number',
  boolean: 'Boolean',
  object: 'JSONObject',
  array: 'JSONArray',
  null: 'Null',
};

/** The Java class name everit reports for a JSON value (`found: JSONArray`). */
export function foundTypeName(value: unknown): string {
  if (value === null) return 'Null';
  if (Array.isArray(value)) return 'JSONArray';
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'boolean':
      return 'Boolean';
    case 'number':
      return Number.isInteger(value) ? 'Integer' : 'BigDecimal';
    case 'object':
      return 'JSONObject';
    default:
      return typeof value;
  }
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' ? codePointLength(value) : 0;
}

function countOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  return typeof value === 'object' && value !== null ? Object.keys(value).length : 0;
}

function param(error: ErrorObject, name: string): unknown {
  return (error.params as Record<string, unknown>)[name];
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function typeMessage(error: ErrorObject): string {
  // ajv reports one type as a string (`"string"`) and several as a list.
  const types = param(error, 'type');
  const expected = (Array.isArray(types) ? types.map(text) : text(types).split(',')).map(
    (type) => EXPECTED_TYPE_NAMES[type] ?? type,
  );
  const found = foundTypeName(error.data);
  return expected.length === 1
    ? `expected type: ${expected.join('')}, found: ${found}`
    : `expected type is one of ${expected.join(', ')}, found: ${found}`;
}

/** The everit message for one ajv error; undefined for errors that only summarise others. */
function messageFor(error: ErrorObject): string | undefined {
  const limit = text(param(error, 'limit'));
  switch (error.keyword) {
    case 'required':
      return `required key [${text(param(error, 'missingProperty'))}] not found`;
    case 'additionalProperties':
      return `extraneous key [${text(param(error, 'additionalProperty'))}] is not permitted`;
    case 'minLength':
      return `expected minLength: ${limit}, actual: ${lengthOf(error.data)}`;
    case 'maxLength':
      return `expected maxLength: ${limit}, actual: ${lengthOf(error.data)}`;
    case 'minItems':
      return `expected minimum item count: ${limit}, found: ${countOf(error.data)}`;
    case 'maxItems':
      return `expected maximum item count: ${limit}, found: ${countOf(error.data)}`;
    case 'minProperties':
      return `minimum size: [${limit}], found: [${countOf(error.data)}]`;
    case 'maxProperties':
      return `maximum size: [${limit}], found: [${countOf(error.data)}]`;
    case 'uniqueItems':
      return 'array items are not unique';
    case 'type':
      return typeMessage(error);
    case 'dependencies':
    case 'dependentRequired':
      return `property [${text(param(error, 'missingProperty'))}] is required`;
    case 'contains':
      return "expected at least one array item to match 'contains' schema";
    case 'oneOf': {
      const passing = param(error, 'passingSchemas');
      const matched = Array.isArray(passing) ? passing.length : 0;
      return `${matched} subschemas matched instead of one`;
    }
    case 'anyOf': {
      const total = Array.isArray(error.schema) ? error.schema.length : 0;
      return `no subschema matched out of the total ${total} subschemas`;
    }
    case 'if':
      // ajv adds this beside the failing `then`/`else` errors, which say what is wrong.
      return undefined;
    default:
      return `failed validation constraint for keyword [${error.keyword}]`;
  }
}

/** All of ajv's errors as Cloud Control phrases them, duplicates removed, in ajv's order. */
export function violationsFromAjv(
  errors: readonly ErrorObject[] | null | undefined,
): SchemaViolation[] {
  const messages = new Set<string>();
  for (const error of errors ?? []) {
    const message = messageFor(error);
    if (message !== undefined) messages.add(`${violationLocation(error.instancePath)}: ${message}`);
  }
  return [...messages].map((message) => ({ message }));
}

/** A read-only property in a create request: CloudFormation reports it as not permitted. */
export function extraneousKeyViolation(location: readonly string[], key: string): SchemaViolation {
  return { message: `${violationLocation(location)}: extraneous key [${key}] is not permitted` };
}

export function notAnObjectViolation(value: unknown): SchemaViolation {
  return { message: `#: expected type: JSONObject, found: ${foundTypeName(value)}` };
}

/** CreateResource/UpdateResource's InvalidRequestException message. */
export function modelValidationFailedMessage(violations: readonly SchemaViolation[]): string {
  return `Model validation failed (${violations.map((violation) => violation.message).join('\n')})`;
}

/** ListResources' InvalidRequestException message when the parent model is missing or wrong. */
export function listModelValidationMessage(
  typeName: string,
  violations: readonly SchemaViolation[],
): string {
  const details = violations.map((violation) => violation.message).join('\n');
  return `Missing or invalid ResourceModel property in ${typeName} list handler request input.Required property: (${details})`;
}
