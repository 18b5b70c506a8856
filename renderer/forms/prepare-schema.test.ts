import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonObject } from './json-value';
import { LAZY_REF } from './lazy-refs';
import { initialDataForUpdate, prepareSchema, type PrepareOptions } from './prepare-schema';
import { resolveRef } from './schema-nodes';

const fixture = (name: string) =>
  readFileSync(
    new URL(`../../shared/inventory/fixtures/${name}.schema.json`, import.meta.url),
    'utf8',
  );
const image = fixture('sagemaker-image');
const modelPackage = fixture('sagemaker-modelpackage');
const bucket = fixture('s3-bucket');

const create: PrepareOptions = { mode: 'create', requiredOnly: false };
const update: PrepareOptions = { mode: 'update', requiredOnly: false };

/** A CloudFormation-shaped schema around `rest`. */
function cfn(rest: JsonObject): string {
  return JSON.stringify({
    typeName: 'Test::Form::Thing',
    description: 'A test type',
    additionalProperties: false,
    primaryIdentifier: ['/properties/Id'],
    handlers: { create: { permissions: [] } },
    ...rest,
  });
}

function obj(value: unknown): JsonObject {
  if (!isJsonObject(value)) throw new Error(`not an object: ${JSON.stringify(value)}`);
  return value;
}

function at(root: JsonObject, ...path: string[]): JsonObject {
  let node: unknown = root;
  for (const key of path) node = obj(node)[key];
  return obj(node);
}

/** Follows `$ref`s of a node in the prepared schema. */
function deref(root: JsonObject, node: JsonObject): JsonObject {
  let current = node;
  while (typeof current.$ref === 'string') current = obj(resolveRef(root, current.$ref));
  return current;
}

describe('prepareSchema with real registry schemas', () => {
  it('drops read-only properties and CloudFormation keywords, keeps definitions', () => {
    const { schema, typeName, required, readOnly, createOnly } = prepareSchema(image, create);
    expect(typeName).toBe('AWS::SageMaker::Image');
    expect(Object.keys(obj(schema.properties))).not.toContain('ImageArn');
    for (const key of ['typeName', 'handlers', 'primaryIdentifier', 'tagging', '$schema']) {
      expect(schema).not.toHaveProperty(key);
    }
    expect(Object.keys(obj(schema.definitions))).toContain('Tag');
    expect(required).toEqual(['ImageName', 'ImageRoleArn']);
    expect(readOnly).toEqual(['/properties/ImageArn']);
    expect(createOnly).toEqual(['/properties/ImageName']);
  });

  it('needs no ui:order when required properties already come first; keeps descriptions', () => {
    const { schema, uiSchema } = prepareSchema(image, create);
    // ImageName, (ImageArn: read-only, gone), ImageRoleArn: already first.
    expect(uiSchema['ui:order']).toBeUndefined();
    const ui = prepareSchema(modelPackage, create).uiSchema;
    expect(ui['ui:order']).toBeUndefined(); // nothing required at the top level
    const role = deref(schema, at(schema, 'properties', 'ImageRoleArn'));
    expect(role.description).toMatch(/IAM role/);
  });

  it('gives tag objects a compact Key/Value row', () => {
    const { uiSchema } = prepareSchema(image, create);
    const tagUi = obj(obj(uiSchema['ui:definitions'])['#/definitions/Tag']);
    expect(tagUi['ui:options']).toEqual({ layout: 'keyValue' });
    expect(at(tagUi, 'Key')).toEqual({ 'ui:options': { inRow: true }, 'ui:placeholder': 'Key' });
    expect(at(tagUi, 'Value')).toEqual({
      'ui:options': { inRow: true },
      'ui:placeholder': 'Value',
    });
  });

  it('removes nested read-only properties without touching shared definitions', () => {
    const { schema } = prepareSchema(bucket, create);
    const root = schema;
    const metadata = at(root, 'properties', 'MetadataTableConfiguration');
    expect(metadata.$ref).toBeUndefined(); // copied locally to edit it
    const destination = deref(root, at(metadata, 'properties', 'S3TablesDestination'));
    expect(Object.keys(obj(destination.properties))).not.toContain('TableArn');
    expect(Object.keys(obj(destination.properties))).not.toContain('TableNamespace');
    expect(Object.keys(obj(destination.properties))).toContain('TableBucketArn');
    // The original definition still declares them (another property might use it).
    const shared = at(root, 'definitions', 'S3TablesDestination');
    expect(Object.keys(obj(shared.properties))).toContain('TableArn');
  });

  it('makes create-only properties read-only in update mode only', () => {
    expect(prepareSchema(bucket, create).uiSchema.BucketName).toBeUndefined();
    const { uiSchema } = prepareSchema(bucket, update);
    expect(uiSchema.BucketName).toMatchObject({ 'ui:readonly': true });
    expect(String(obj(uiSchema.BucketName)['ui:help'])).toMatch(/can’t be changed/);
  });

  it('flags write-only properties in update mode', () => {
    const { uiSchema, writeOnly } = prepareSchema(bucket, update);
    expect(writeOnly).toContain('/properties/AccessControl');
    expect(String(obj(uiSchema.AccessControl)['ui:help'])).toMatch(/never returns/);
    expect(at(uiSchema, 'LifecycleConfiguration', 'Rules', 'items', 'Transition')).toMatchObject({
      'ui:help': expect.stringMatching(/never returns/) as unknown,
    });
  });

  it('keeps only required properties in the required-only view', () => {
    const { schema, uiSchema } = prepareSchema(image, { mode: 'create', requiredOnly: true });
    expect(Object.keys(obj(schema.properties))).toEqual(['ImageName', 'ImageRoleArn']);
    // Values typed in the All view must not become "unknown property" errors while hidden.
    expect(schema.additionalProperties).toBeUndefined();
    expect(uiSchema['ui:globalOptions']).toMatchObject({
      enableOptionalDataFieldForType: ['object'],
    });
  });

  it('turns Markdown descriptions into plain text', () => {
    const { schema } = prepareSchema(bucket, create);
    const description = String(at(schema, 'definitions', 'MetadataTableConfiguration').description);
    expect(description).toContain('V2 MetadataConfiguration resource type');
    expect(description).not.toContain('](https://');
    expect(description).not.toContain('``');
  });

  it('hides object references from rjsf in the render schema', () => {
    const { schema, renderSchema } = prepareSchema(bucket, create);
    const lifecycle = at(renderSchema, 'properties', 'LifecycleConfiguration');
    expect(lifecycle).toMatchObject({
      type: 'object',
      [LAZY_REF]: '#/definitions/LifecycleConfiguration',
    });
    expect(at(schema, 'properties', 'LifecycleConfiguration').$ref).toBe(
      '#/definitions/LifecycleConfiguration',
    );
  });

  it('returns the cached result for the same text and options', () => {
    expect(prepareSchema(image, create)).toBe(prepareSchema(image, create));
    expect(prepareSchema(image, create)).not.toBe(prepareSchema(image, update));
  });

  it('throws on text that is not a schema object', () => {
    expect(() => prepareSchema('[]', create)).toThrow(/not a JSON object/);
    expect(() => prepareSchema('{', create)).toThrow();
  });
});

describe('prepareSchema with tricky schemas', () => {
  it('rewrites Java-only patterns JavaScript can fix and drops the rest, everywhere', () => {
    const { schema } = prepareSchema(
      cfn({
        properties: {
          Name: { type: 'string', pattern: '^[a-zA-Z0-9\\-\\_]+\\Z' },
          Key: { type: 'string', pattern: '^(?i)[a-z]+$' },
          Nested: { $ref: '#/definitions/Nested' },
          Labels: {
            type: 'object',
            patternProperties: { '^[\\w-\\.]+$': { type: 'string' } },
            additionalProperties: false,
          },
        },
        definitions: { Nested: { type: 'string', pattern: '(?s).*' } },
      }),
      create,
    );
    const root = schema;
    expect(at(root, 'properties', 'Name').pattern).toBe('^[a-zA-Z0-9\\-_]+$');
    expect(at(root, 'properties', 'Key')).not.toHaveProperty('pattern');
    expect(at(root, 'definitions', 'Nested')).not.toHaveProperty('pattern');
    expect(at(root, 'properties', 'Labels', 'propertyNames').pattern).toBe('^[\\w\\-\\.]+$');
  });

  it('turns patternProperties-only maps into key/value maps with a key check', () => {
    const { schema } = prepareSchema(
      cfn({
        properties: {
          Tags: {
            type: 'object',
            additionalProperties: false,
            patternProperties: { '^[a-z]{1,128}$': { type: 'string', maxLength: 256 } },
          },
        },
      }),
      create,
    );
    expect(at(schema, 'properties', 'Tags')).toEqual({
      type: 'object',
      additionalProperties: { type: 'string', maxLength: 256 },
      propertyNames: { pattern: '^[a-z]{1,128}$' },
    });
  });

  it('renders constraint-only oneOf as a plain object and keeps it for validation', () => {
    const { schema, uiSchema } = prepareSchema(
      cfn({
        properties: { A: { type: 'string' }, B: { type: 'string' } },
        oneOf: [{ required: ['A'] }, { required: ['B'] }],
      }),
      create,
    );
    expect(schema.oneOf).toHaveLength(2);
    expect(uiSchema['ui:field']).toBe('ObjectField');
    expect(uiSchema['ui:fieldReplacesAnyOrOneOf']).toBe(true);
  });

  it('edits free-form values (policy documents, type unions) as JSON', () => {
    const { uiSchema } = prepareSchema(
      cfn({
        properties: {
          Policy: { type: 'object' },
          Either: { type: ['object', 'string'] },
          Anything: {},
          Plain: { type: 'string' },
        },
      }),
      create,
    );
    expect(uiSchema.Policy).toEqual({ 'ui:field': 'json' });
    expect(uiSchema.Either).toEqual({ 'ui:field': 'json' });
    expect(uiSchema.Anything).toEqual({ 'ui:field': 'json' });
    expect(uiSchema.Plain).toBeUndefined();
  });

  it('removes a read-only property at the end of a deep $ref chain', () => {
    const { schema } = prepareSchema(
      cfn({
        properties: { Top: { $ref: '#/definitions/A' } },
        definitions: {
          A: { $ref: '#/definitions/B', description: 'via A' },
          B: { $ref: '#/definitions/C' },
          C: {
            type: 'object',
            properties: { Id: { type: 'string' }, Name: { type: 'string' } },
            required: ['Id', 'Name'],
          },
        },
        readOnlyProperties: ['/properties/Top/Id'],
      }),
      create,
    );
    const top = at(schema, 'properties', 'Top');
    expect(Object.keys(obj(top.properties))).toEqual(['Name']);
    expect(top.required).toEqual(['Name']);
    expect(top.description).toBe('via A');
  });

  it('survives cyclic $refs', () => {
    const json = cfn({
      properties: { Statement: { $ref: '#/definitions/Statement' } },
      definitions: {
        Statement: {
          type: 'object',
          properties: {
            Not: { $ref: '#/definitions/Statement' },
            And: { type: 'array', items: { $ref: '#/definitions/Statement' } },
            Match: { type: 'string' },
          },
        },
      },
      readOnlyProperties: ['/properties/Statement/Not/Not/Match'],
    });
    const { renderSchema } = prepareSchema(json, create);
    const statement = at(renderSchema, 'definitions', 'Statement');
    expect(at(statement, 'properties', 'Not')[LAZY_REF]).toBe('#/definitions/Statement');
    expect(at(statement, 'properties', 'And', 'items')[LAZY_REF]).toBe('#/definitions/Statement');
  });

  it('detaches $refs that point at a property', () => {
    const { schema } = prepareSchema(
      cfn({
        properties: {
          Arn: { type: 'string', pattern: '^arn:' },
          Other: { $ref: '#/properties/Arn' },
        },
        readOnlyProperties: ['/properties/Arn'],
      }),
      create,
    );
    const other = at(schema, 'properties', 'Other');
    expect(other.$ref).toBe('#/definitions/__property_Arn');
    expect(at(schema, 'definitions', '__property_Arn').pattern).toBe('^arn:');
  });

  it('stops requiring write-only properties when updating', () => {
    const json = cfn({
      properties: { Name: { type: 'string' }, Password: { type: 'string' } },
      required: ['Name', 'Password'],
      writeOnlyProperties: ['/properties/Password'],
    });
    expect(prepareSchema(json, create).schema.required).toEqual(['Name', 'Password']);
    expect(prepareSchema(json, update).schema.required).toEqual(['Name']);
    expect(prepareSchema(json, update).required).toEqual(['Name']);
  });

  it('puts required properties first', () => {
    const { uiSchema } = prepareSchema(
      cfn({
        properties: { A: { type: 'string' }, B: { type: 'string' }, C: { type: 'string' } },
        required: ['C'],
      }),
      create,
    );
    expect(uiSchema['ui:order']).toEqual(['C', '*']);
  });
});

describe('initialDataForUpdate', () => {
  it('drops read-only and write-only values, nested and in arrays', () => {
    const prepared = prepareSchema(bucket, update);
    const current = {
      BucketName: 'my-bucket',
      Arn: 'arn:aws:s3:::my-bucket',
      AccessControl: 'Private',
      LifecycleConfiguration: {
        Rules: [
          { Id: 'a', Status: 'Enabled', Transition: { StorageClass: 'GLACIER' } },
          { Id: 'b', Status: 'Enabled' },
        ],
      },
    };
    expect(initialDataForUpdate(prepared, current)).toEqual({
      BucketName: 'my-bucket',
      LifecycleConfiguration: {
        Rules: [
          { Id: 'a', Status: 'Enabled' },
          { Id: 'b', Status: 'Enabled' },
        ],
      },
    });
    // The caller's object is left alone.
    expect(current.Arn).toBe('arn:aws:s3:::my-bucket');
  });
});
