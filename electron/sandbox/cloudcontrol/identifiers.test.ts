import { describe, expect, it } from 'vitest';
import { fakeType } from '../test-support/fake-catalog';
import { identifierSets, propertyName, resolveIdentifier } from './identifiers';

const compound = fakeType({
  typeName: 'AWS::Test::Compound',
  properties: [],
  primaryIdentifier: ['Cluster', 'Name'],
  additionalIdentifiers: [['Arn']],
});
const entries = () => [['c1|n1', { Cluster: 'c1', Name: 'n1', Arn: 'arn:x' }] as const];

describe('resolveIdentifier', () => {
  it('passes a plain or compound string through', () => {
    expect(resolveIdentifier(compound, 'c1|n1', entries)).toEqual({
      ok: true,
      identifier: 'c1|n1',
    });
  });

  it('joins a JSON primary identifier in schema order', () => {
    expect(resolveIdentifier(compound, '{"Name":"n1","Cluster":"c1"}', entries)).toEqual({
      ok: true,
      identifier: 'c1|n1',
    });
  });

  it('finds a resource by a JSON additional identifier, or echoes the JSON when none matches', () => {
    expect(resolveIdentifier(compound, '{"Arn":"arn:x"}', entries)).toEqual({
      ok: true,
      identifier: 'c1|n1',
    });
    expect(resolveIdentifier(compound, '{"Arn":"arn:y"}', entries)).toEqual({
      ok: true,
      identifier: '{"Arn":"arn:y"}',
    });
  });

  it('refuses JSON naming no identifier set, listing the sets as AWS does', () => {
    const result = resolveIdentifier(compound, '{"Name":"n1"}', entries);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toBe(
        'When specifying the identifier as JSON, you must specify exactly one identifier from [[/properties/Cluster, /properties/Name], [/properties/Arn]], and no additional properties can be specified',
      );
    }
  });

  it('treats text that only looks like JSON as a plain identifier', () => {
    expect(resolveIdentifier(compound, '{not json', entries)).toEqual({
      ok: true,
      identifier: '{not json',
    });
  });
});

describe('helpers', () => {
  it('identifierSets and propertyName', () => {
    expect(identifierSets(compound)).toEqual([['Cluster', 'Name'], ['Arn']]);
    expect(propertyName('/properties/ImageName')).toBe('ImageName');
  });
});
