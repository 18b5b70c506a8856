import { describe, expect, it } from 'vitest';
import type { ResourceSchema } from '../../registry/resource-schema';
import { createSchemaValidators } from './schema-validators';
import { violationsFromAjv } from './violations';

function schemaOf(overrides: Partial<ResourceSchema>): ResourceSchema {
  return {
    typeName: 'AWS::Test::Thing',
    description: 'test',
    primaryIdentifier: ['/properties/Name'],
    properties: {},
    ...overrides,
  };
}

function run(validate: (value: unknown) => boolean, value: unknown, errors: () => unknown) {
  return validate(value) ? [] : violationsFromAjv(errors() as never).map((v) => v.message);
}

describe('createSchemaValidators', () => {
  it('validates Unicode classes and skips patterns JavaScript cannot compile', () => {
    const validators = createSchemaValidators();
    const schema = schemaOf({
      $schema: 'https://json-schema.org/draft-07/schema#',
      properties: {
        Key: { type: 'string', pattern: '^[\\p{L}\\p{N}_.:/=+\\-@ ]*$' },
        Description: { type: 'string', pattern: '(?s).+' },
      },
      additionalProperties: false,
    });
    const validate = validators.resource(schema);
    expect(validate({ Key: 'Größe 1', Description: 'anything\nat all' })).toBe(true);
    expect(run(validate, { Key: 'bad!' }, () => validate.errors)).toEqual([
      '#/Key: failed validation constraint for keyword [pattern]',
    ]);
    expect(validators.skippedPatterns('AWS::Test::Thing')).toEqual(['(?s).+']);
    expect(validators.resource(schema)).toBe(validate);
  });

  it('resolves list handler refs into the resource schema, including the bare #/properties form', () => {
    const validators = createSchemaValidators();
    const schema = schemaOf({
      typeName: 'AWS::Test::Child',
      properties: {
        ParentName: { $ref: '#/definitions/Name' },
        Kind: { type: 'string', enum: ['A', 'B'] },
      },
      definitions: { Name: { type: 'string', pattern: '^[a-z]+$' } },
      handlers: {
        list: {
          handlerSchema: {
            properties: {
              ParentName: { $ref: 'resource-schema.json#/properties/ParentName' },
              Kind: { $ref: '#/properties/Kind' },
            },
            required: ['ParentName'],
          },
        },
      },
    });
    const validate = validators.listHandler(schema);
    if (!validate) throw new Error('expected a list validator');
    expect(validate({ ParentName: 'abc', Kind: 'A' })).toBe(true);
    expect(run(validate, { ParentName: 'ABC', Kind: 'C' }, () => validate.errors)).toEqual([
      '#/ParentName: failed validation constraint for keyword [pattern]',
      '#/Kind: failed validation constraint for keyword [enum]',
    ]);
    expect(run(validate, {}, () => validate.errors)).toEqual([
      '#: required key [ParentName] not found',
    ]);
    expect(validators.listHandler(schemaOf({}))).toBeUndefined();
  });

  it('falls back to a looser validator when ajv refuses a schema, and records why', () => {
    const validators = createSchemaValidators();
    const schema = schemaOf({
      typeName: 'AWS::Test::Broken',
      properties: { Name: { $ref: '#/definitions/Missing' } },
      required: ['Name'],
      additionalProperties: false,
    });
    const validate = validators.resource(schema);
    expect(run(validate, { Extra: 1 }, () => validate.errors)).toEqual([
      '#: required key [Name] not found',
      '#: extraneous key [Extra] is not permitted',
    ]);
    expect(validators.problems).toHaveLength(1);
    expect(validators.problems[0]?.typeName).toBe('AWS::Test::Broken');
  });
});
