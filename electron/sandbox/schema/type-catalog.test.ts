import { describe, expect, it } from 'vitest';
import { createRegistrySnapshot } from '../../registry/snapshot';
import { createTypeCatalog } from './type-catalog';

const thing = {
  typeName: 'AWS::Test::Thing',
  description: 'A thing',
  properties: { Name: { type: 'string' } },
  primaryIdentifier: ['/properties/Name'],
  handlers: { create: {}, read: {}, delete: {} },
};

describe('createTypeCatalog', () => {
  const snapshot = createRegistrySnapshot([
    {
      name: 'schemas/thing.json',
      mtime: new Date('2026-08-07T17:43:00Z'),
      content: Buffer.from(JSON.stringify(thing)),
    },
  ]);

  it('lists the snapshot types and builds each model once', () => {
    const catalog = createTypeCatalog(snapshot);
    expect(catalog.typeNames()).toEqual(['AWS::Test::Thing']);
    const model = catalog.get('AWS::Test::Thing');
    expect(model?.provisioningType).toBe('IMMUTABLE');
    expect(model?.lastUpdated?.toISOString()).toBe('2026-08-07T17:43:00.000Z');
    expect(model?.schemaText).toBe(JSON.stringify(thing));
    expect(catalog.get('AWS::Test::Thing')).toBe(model);
  });

  it('returns undefined for unknown types', () => {
    expect(createTypeCatalog(snapshot).get('AWS::Test::Nope')).toBeUndefined();
  });
});
