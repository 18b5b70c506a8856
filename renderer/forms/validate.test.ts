import { readFileSync } from 'node:fs';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from './json-value';
import { prepareSchema } from './prepare-schema';
import { minimalData } from './test-support/minimal-data';
import { validateDesiredState } from './validate';
import { validateValue } from './validator/interpreter';
import { formValidator } from './validator/rjsf-validator';

const fixture = (name: string) =>
  readFileSync(
    new URL(`../../shared/inventory/fixtures/${name}.schema.json`, import.meta.url),
    'utf8',
  );
const image = prepareSchema(fixture('sagemaker-image'), { mode: 'create', requiredOnly: false });

function prepared(rest: JsonObject) {
  const json = JSON.stringify({
    typeName: 'Test::Form::Thing',
    additionalProperties: false,
    handlers: { create: {} },
    ...rest,
  });
  return prepareSchema(json, { mode: 'create', requiredOnly: false });
}

const messages = (schema: ReturnType<typeof prepared>, data: unknown) =>
  validateDesiredState(schema, data).map((e) => `${e.path}: ${e.message}`);

describe('validateDesiredState messages', () => {
  it('says which required properties are missing, at the missing field', () => {
    expect(validateDesiredState(image, {})).toEqual([
      { path: '/ImageName', message: 'ImageName is required.' },
      { path: '/ImageRoleArn', message: 'ImageRoleArn is required.' },
    ]);
  });

  it('explains lengths and patterns, summarising simple character sets', () => {
    const data = {
      ImageName: 'bad name!',
      ImageRoleArn: 'arn:aws:iam::123456789012:role/x',
      ImageDescription: '',
    };
    expect(messages(image, data)).toEqual([
      '/ImageName: ImageName must match ^[a-zA-Z0-9]([-.]?[a-zA-Z0-9])*$: letters, digits, hyphens and periods.',
      '/ImageDescription: ImageDescription can’t be empty.',
      '/ImageDescription: ImageDescription must match .+.',
    ]);
    expect(messages(image, { ...data, ImageName: 'x'.repeat(64), ImageDescription: 'ok' })).toEqual(
      ['/ImageName: ImageName must be at most 63 characters.'],
    );
  });

  it('names the list item and the unknown property', () => {
    const data = {
      ImageName: 'img',
      ImageRoleArn: 'arn:aws:iam::123456789012:role/x',
      Tags: [{ Key: 'team' }, 'oops'],
      ImageArn: 'arn:aws:sagemaker:us-east-1:123456789012:image/img',
    };
    expect(messages(image, data)).toEqual([
      '/Tags/0/Value: Value is required.',
      '/Tags/1: Tags item 2 must be an object.',
      ': The resource has an unknown property “ImageArn”.',
    ]);
  });

  it('covers enums, types, formats, bounds, list sizes and maps', () => {
    const schema = prepared({
      properties: {
        Mode: { type: 'string', enum: ['A', 'B', 'C'] },
        Count: { type: 'integer', minimum: 1, maximum: 10 },
        When: { type: 'string', format: 'date-time' },
        Ports: {
          type: 'array',
          items: { type: 'integer' },
          minItems: 1,
          maxItems: 2,
          uniqueItems: true,
        },
        Flag: { type: 'boolean' },
        Labels: {
          type: 'object',
          additionalProperties: false,
          patternProperties: { '^[a-z]+$': { type: 'string' } },
        },
      },
    });
    expect(
      messages(schema, {
        Mode: 'D',
        Count: 11,
        When: 'yesterday',
        Ports: [1, 1, 2],
        Flag: 'yes',
        Labels: { Team: 'x' },
      }),
    ).toEqual([
      '/Mode: Mode must be one of A, B or C.',
      '/Count: Count must be at most 10.',
      '/When: When must be a date and time such as 2024-01-31T13:45:00Z.',
      '/Ports: Ports can have at most 2 items.',
      '/Ports: Ports has the same item twice (items 1 and 2).',
      '/Flag: Flag must be true or false.',
      '/Labels: “Team” isn’t an allowed key in Labels (keys must match ^[a-z]+$).',
    ]);
    expect(messages(schema, { Count: 0.5, Ports: [] })).toEqual([
      '/Count: Count must be a whole number.',
      '/Count: Count must be at least 1.',
      '/Ports: Ports needs at least 1 item.',
    ]);
  });

  it('words "exactly one of" and "set together" rules', () => {
    const schema = prepared({
      properties: { A: { type: 'string' }, B: { type: 'string' }, C: { type: 'string' } },
      oneOf: [{ required: ['A'] }, { required: ['B'] }],
      dependencies: { C: ['A'] },
    });
    expect(messages(schema, {})).toEqual([': Set exactly one of A or B.']);
    expect(messages(schema, { A: 'x', B: 'y' })).toEqual([': Set exactly one of A or B.']);
    expect(messages(schema, { B: 'y', C: 'z' })).toEqual(['/A: A is required when C is set.']);
  });

  it('does not throw on bad patterns, deep chains or cycles', () => {
    const schema = prepared({
      properties: { Rule: { $ref: '#/definitions/A' }, Name: { type: 'string', pattern: '(?i)x' } },
      definitions: {
        A: { $ref: '#/definitions/B' },
        B: { $ref: '#/definitions/Rule' },
        Rule: {
          type: 'object',
          properties: { Not: { $ref: '#/definitions/Rule' }, Id: { type: 'string', maxLength: 2 } },
        },
        Loop: { $ref: '#/definitions/Loop' },
      },
    });
    expect(messages(schema, { Name: 'anything', Rule: { Not: { Not: { Id: 'abc' } } } })).toEqual([
      '/Rule/Not/Not/Id: Id must be at most 2 characters.',
    ]);
    expect(validateValue({ $ref: '#/definitions/Loop' }, 1, schema.schema)).toEqual([]);
  });
});

describe('formValidator (rjsf)', () => {
  it('returns plain sentences and an error schema keyed by field', () => {
    const { errors, errorSchema } = formValidator.validateFormData({ ImageName: '' }, image.schema);
    expect(errors.map((e) => e.message)).toEqual([
      'ImageRoleArn is required.',
      'ImageName can’t be empty.',
      'ImageName must match ^[a-zA-Z0-9]([-.]?[a-zA-Z0-9])*$: letters, digits, hyphens and periods.',
    ]);
    expect(errorSchema).toMatchObject({
      ImageName: { __errors: expect.arrayContaining(['ImageName can’t be empty.']) as unknown },
      ImageRoleArn: { __errors: ['ImageRoleArn is required.'] },
    });
  });

  it('answers isValid against a root schema', () => {
    const tag = { $ref: '#/definitions/Tag' };
    expect(formValidator.isValid(tag, { Key: 'a', Value: 'b' }, image.schema)).toBe(true);
    expect(formValidator.isValid(tag, { Key: 'a' }, image.schema)).toBe(false);
  });
});

describe('agreement with ajv (validator-ajv8)', () => {
  const ajv = customizeValidator({ ajvOptionsOverrides: { strict: false, allErrors: true } }).ajv;

  /** Data that breaks one rule at a time, from a valid-ish starting point. */
  function variants(base: unknown): unknown[] {
    const out: unknown[] = [base, {}, null, [], 'text'];
    if (typeof base !== 'object' || base === null || Array.isArray(base)) return out;
    for (const [key, value] of Object.entries(base)) {
      for (const bad of [
        undefined,
        '',
        'x'.repeat(300),
        '!@#',
        -1,
        1.5,
        true,
        [],
        {},
        [value, value],
      ]) {
        out.push({ ...base, [key]: bad });
      }
    }
    out.push({ ...base, NotAProperty: 1 });
    return out;
  }

  it.each(['sagemaker-image', 'sagemaker-modelpackage', 's3-bucket'])(
    'gives the same verdict as ajv on %s',
    (name) => {
      const { schema } = prepareSchema(fixture(name), { mode: 'create', requiredOnly: false });
      const check = ajv.compile(schema);
      for (const data of variants(minimalData(schema))) {
        const ours = validateValue(schema, data, schema).length === 0;
        expect({ data, valid: ours }).toEqual({ data, valid: check(data) });
      }
    },
  );

  it('gives the same verdict on combinators, maps and conditionals', () => {
    const schema = prepared({
      properties: {
        A: { type: 'string' },
        B: { type: 'integer', multipleOf: 5 },
        Map: { type: 'object', additionalProperties: { type: 'string' }, maxProperties: 2 },
        Pick: { anyOf: [{ type: 'string', minLength: 3 }, { type: 'number' }] },
        Deny: { not: { required: ['X', 'Y'] }, type: 'object' },
        When: {
          type: 'object',
          properties: { Kind: { type: 'string' }, Size: { type: 'integer' } },
          if: { properties: { Kind: { const: 'big' } } },
          then: { required: ['Size'] },
        },
      },
      oneOf: [{ required: ['A'] }, { required: ['B'] }],
    }).schema;
    const check = ajv.compile(schema);
    const cases: unknown[] = [
      {},
      { A: 'x' },
      { A: 'x', B: 5 },
      { B: 7 },
      { B: 10, Map: { a: 'x', b: 'y' } },
      { A: 'x', Map: { a: 'x', b: 'y', c: 'z' } },
      { A: 'x', Map: { a: 1 } },
      { A: 'x', Pick: 'ab' },
      { A: 'x', Pick: 'abc' },
      { A: 'x', Pick: 3 },
      { A: 'x', Deny: { X: 1 } },
      { A: 'x', Deny: { X: 1, Y: 2 } },
      { A: 'x', When: { Kind: 'big' } },
      { A: 'x', When: { Kind: 'big', Size: 1 } },
      { A: 'x', When: { Kind: 'small' } },
    ];
    for (const data of cases) {
      const ours = validateValue(schema, data, schema).length === 0;
      expect({ data, valid: ours }).toEqual({ data, valid: check(data) });
    }
  });
});
