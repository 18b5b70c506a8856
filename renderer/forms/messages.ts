import { isJsonObject, pointerEscape, pointerSegments } from './json-value';
import { describePattern } from './pattern-description';
import { requiredOf } from './schema-nodes';
import type { SchemaError } from './validator/interpreter';

/** One validation problem, worded for people. */
export interface FieldError {
  /** JSON pointer of the field the message is about (`/Tags/0/Key`); `''` is the resource. */
  path: string;
  /** A sentence, e.g. "ImageName must be at most 63 characters." */
  message: string;
}

/** The name a person sees for the field at `path`: its property name, or "Tags item 2". */
export function fieldLabel(path: string): string {
  const segments = pointerSegments(path);
  const last = segments.at(-1);
  if (last === undefined) return 'The resource';
  if (/^\d+$/.test(last)) {
    const parent = segments.at(-2) ?? 'List';
    return `${parent} item ${Number(last) + 1}`;
  }
  return last;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** "A, B or C" */
function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${String(items.at(-1))}`;
}

function enumList(values: readonly unknown[]): string {
  const shown = values.slice(0, 12).map(show);
  return values.length > 12 ? `${shown.join(', ')}, … (${values.length} choices)` : orList(shown);
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

const FORMAT_WORDS: Readonly<Record<string, string>> = {
  'date-time': 'a date and time such as 2024-01-31T13:45:00Z',
  'iso-date-time': 'a date and time such as 2024-01-31T13:45:00Z',
  date: 'a date such as 2024-01-31',
  time: 'a time such as 13:45:00Z',
  uri: 'a URL such as https://example.com/path',
  url: 'a URL such as https://example.com/path',
  'uri-reference': 'a URL or path',
  email: 'an email address',
  hostname: 'a host name such as example.com',
  ipv4: 'an IPv4 address such as 10.0.0.1',
  ipv6: 'an IPv6 address',
  uuid: 'a UUID',
  int32: 'a whole number',
  int64: 'a whole number',
  duration: 'a duration such as PT5M',
  regex: 'a regular expression',
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Property names required by oneOf/anyOf branches shaped `{ required: [...] }`. */
function constraintNames(branches: unknown): string[] | undefined {
  if (!Array.isArray(branches)) return undefined;
  const names: string[] = [];
  for (const branch of branches) {
    if (!isJsonObject(branch)) return undefined;
    const keys = Object.keys(branch).filter((k) => k !== 'description');
    if (keys.length !== 1 || keys[0] !== 'required') return undefined;
    const required = requiredOf(branch);
    if (required.length !== 1) return undefined;
    names.push(...required);
  }
  return names.length > 0 ? names : undefined;
}

function number(params: Record<string, unknown>, key: string): number {
  const value = params[key];
  return typeof value === 'number' ? value : 0;
}

function text(params: Record<string, unknown>, key: string): string {
  const value = params[key];
  return typeof value === 'string' ? value : '';
}

function describe(error: SchemaError): FieldError | undefined {
  const { params, instancePath: path, parentSchema: schema } = error;
  const label = fieldLabel(path);
  const at = (message: string, where = path): FieldError => ({ path: where, message });
  switch (error.keyword) {
    case 'required':
    case 'dependencies': {
      const missing = text(params, 'missingProperty');
      const where = `${path}/${pointerEscape(missing)}`;
      return error.keyword === 'required'
        ? at(`${missing} is required.`, where)
        : at(`${missing} is required when ${text(params, 'property')} is set.`, where);
    }
    case 'minLength': {
      const limit = number(params, 'limit');
      return limit === 1
        ? at(`${label} can’t be empty.`)
        : at(`${label} must be at least ${plural(limit, 'character', 'characters')}.`);
    }
    case 'maxLength':
      return at(
        `${label} must be at most ${plural(number(params, 'limit'), 'character', 'characters')}.`,
      );
    case 'pattern': {
      const pattern = text(params, 'pattern');
      const summary = describePattern(pattern);
      return at(`${label} must match ${pattern}${summary ? `: ${summary}` : ''}.`);
    }
    case 'enum': {
      const values = Array.isArray(params.allowedValues) ? params.allowedValues : [];
      return at(`${label} must be one of ${enumList(values)}.`);
    }
    case 'const':
      return at(`${label} must be ${show(params.allowedValue)}.`);
    case 'type': {
      if (error.data === undefined || error.data === null) return at(`${label} can’t be empty.`);
      const words = text(params, 'type')
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t);
      return at(`${label} must be ${orList(words)}.`);
    }
    case 'format': {
      const format = text(params, 'format');
      return at(`${label} must be ${FORMAT_WORDS[format] ?? `a valid ${format}`}.`);
    }
    case 'minimum':
      return at(`${label} must be at least ${number(params, 'limit')}.`);
    case 'maximum':
      return at(`${label} must be at most ${number(params, 'limit')}.`);
    case 'exclusiveMinimum':
      return at(`${label} must be greater than ${number(params, 'limit')}.`);
    case 'exclusiveMaximum':
      return at(`${label} must be less than ${number(params, 'limit')}.`);
    case 'multipleOf':
      return at(`${label} must be a multiple of ${number(params, 'multipleOf')}.`);
    case 'minItems':
      return at(`${label} needs at least ${plural(number(params, 'limit'), 'item', 'items')}.`);
    case 'maxItems':
    case 'additionalItems':
      return at(`${label} can have at most ${plural(number(params, 'limit'), 'item', 'items')}.`);
    case 'uniqueItems':
      return at(
        `${label} has the same item twice (items ${number(params, 'j') + 1} and ${number(params, 'i') + 1}).`,
      );
    case 'minProperties':
      return at(`${label} needs at least ${plural(number(params, 'limit'), 'entry', 'entries')}.`);
    case 'maxProperties':
      return at(
        `${label} can have at most ${plural(number(params, 'limit'), 'entry', 'entries')}.`,
      );
    case 'additionalProperties':
      return at(`${label} has an unknown property “${text(params, 'additionalProperty')}”.`);
    case 'propertyNames': {
      const pattern = text(params, 'pattern');
      const rule = pattern ? ` (keys must match ${pattern})` : '';
      return at(`“${text(params, 'propertyName')}” isn’t an allowed key in ${label}${rule}.`);
    }
    case 'oneOf': {
      const names = constraintNames(schema.oneOf);
      return names
        ? at(`Set exactly one of ${orList(names)}.`)
        : at(`${label} must match exactly one of its allowed forms.`);
    }
    case 'anyOf': {
      const names = constraintNames(schema.anyOf);
      return names
        ? at(`Set at least one of ${orList(names)}.`)
        : at(`${label} doesn’t match any of its allowed forms.`);
    }
    case 'not': {
      const not = schema.not;
      const both = isJsonObject(not) ? requiredOf(not) : [];
      return both.length > 1
        ? at(`Don’t set ${both.join(' and ')} together.`)
        : at(`${label} has a value that isn’t allowed here.`);
    }
    case 'contains':
      return at(`${label} must contain at least one matching item.`);
    case 'false schema':
      return at(`${label} isn’t allowed here.`);
    case 'if':
      // Only repeats the then/else branch's own errors.
      return undefined;
    default:
      return at(`${label} ${error.message}.`);
  }
}

/** Plain sentences for validator errors, without duplicates, in the validator's order. */
export function toFieldErrors(errors: readonly SchemaError[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of errors) {
    const described = describe(error);
    if (!described) continue;
    const key = `${described.path}\u0000${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(described);
  }
  return out;
}

/** rjsf's dotted property path (`.Tags.0.Key`) for a JSON pointer. */
export function pointerToProperty(path: string): string {
  return pointerSegments(path)
    .map((s) => `.${s}`)
    .join('');
}
