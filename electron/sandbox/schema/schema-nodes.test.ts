import { describe, expect, it } from 'vitest';
import type { ResourceSchema } from '../../registry/resource-schema';
import { primaryType, resolveNode, schemaNodeAt } from './schema-nodes';

const schema: ResourceSchema = {
  typeName: 'AWS::Test::Thing',
  description: 'test',
  primaryIdentifier: ['/properties/Arn'],
  properties: {
    Arn: { $ref: '#/definitions/Arn' },
    Export: { $ref: '#/definitions/Export', description: 'overrides nothing it refines' },
    Items: { type: 'array', items: { $ref: '#/definitions/Item' } },
    Either: { oneOf: [{ $ref: '#/definitions/Arn' }, { type: 'integer' }] },
    Loop: { $ref: '#/definitions/Loop' },
  },
  definitions: {
    Arn: { type: 'string', pattern: '^arn:' },
    Export: { type: 'object', properties: { ExportArn: { $ref: '#/definitions/Arn' } } },
    Item: { type: 'object', properties: { Id: { type: 'string' } } },
    Loop: { $ref: '#/definitions/Loop' },
  },
};

describe('resolveNode', () => {
  it('follows $refs and keeps keywords written beside them', () => {
    expect(resolveNode(schema, schema.properties.Arn)).toEqual({
      type: 'string',
      pattern: '^arn:',
    });
    expect(resolveNode(schema, schema.properties.Export)?.description).toBe(
      'overrides nothing it refines',
    );
  });

  it('uses the first alternative of an untyped oneOf', () => {
    expect(resolveNode(schema, schema.properties.Either)?.type).toBe('string');
  });

  it('gives up on reference cycles and missing targets', () => {
    expect(resolveNode(schema, schema.properties.Loop)).toBeUndefined();
    expect(resolveNode(schema, { $ref: '#/definitions/Nope' })).toBeUndefined();
  });
});

describe('schemaNodeAt', () => {
  it('walks properties and array items', () => {
    expect(schemaNodeAt(schema, ['Export', 'ExportArn'])?.pattern).toBe('^arn:');
    expect(schemaNodeAt(schema, ['Items', '*', 'Id'])?.type).toBe('string');
    expect(schemaNodeAt(schema, ['Nope', 'Child'])).toBeUndefined();
  });
});

describe('primaryType', () => {
  it('reads type, type lists and shape', () => {
    expect(primaryType({ type: ['null', 'integer'] })).toBe('integer');
    expect(primaryType({ properties: {} })).toBe('object');
    expect(primaryType({ items: {} })).toBe('array');
    expect(primaryType({ enum: ['A'] })).toBe('string');
    expect(primaryType(undefined)).toBeUndefined();
  });
});
