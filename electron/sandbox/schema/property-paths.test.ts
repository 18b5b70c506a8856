import { describe, expect, it } from 'vitest';
import {
  cloneJson,
  parsePath,
  pathName,
  pathsOverlap,
  pointerToPath,
  slotsAt,
  valueAt,
} from './property-paths';

describe('pointerToPath', () => {
  it('turns /properties pointers into paths, decoding ~1 and ~0', () => {
    expect(pointerToPath('/properties/ImageArn')).toEqual(['ImageArn']);
    expect(pointerToPath('/properties/Export/ExportArn')).toEqual(['Export', 'ExportArn']);
    expect(pointerToPath('/properties/A~1B/C~0D')).toEqual(['A/B', 'C~D']);
    expect(pointerToPath('/properties/StorageConnectors/*/ResourceIdentifier')).toEqual([
      'StorageConnectors',
      '*',
      'ResourceIdentifier',
    ]);
  });

  it('ignores pointers outside /properties', () => {
    expect(pointerToPath('/definitions/Config/properties/Type')).toBeUndefined();
    expect(pointerToPath('/properties')).toBeUndefined();
    expect(pointerToPath('properties/Name')).toBeUndefined();
  });
});

describe('pathName and parsePath', () => {
  it('round-trip names and accept JSON Patch paths', () => {
    expect(pathName(['Export', 'ExportArn'])).toBe('Export/ExportArn');
    expect(parsePath('Export/ExportArn')).toEqual(['Export', 'ExportArn']);
    expect(parsePath('/Tags/0/Key')).toEqual(['Tags', '0', 'Key']);
    expect(parsePath('/a~1b')).toEqual(['a/b']);
    expect(parsePath('/')).toEqual([]);
  });
});

describe('slotsAt', () => {
  const model = {
    Name: 'x',
    Export: { ExportArn: 'arn', Other: 1 },
    StorageConnectors: [{ ResourceIdentifier: 'a' }, { Type: 'b' }, 'not an object'],
  };

  it('finds the container of a top-level or nested key, present or not', () => {
    expect(slotsAt(model, ['Name'])).toEqual([{ container: model, key: 'Name', location: [] }]);
    expect(slotsAt(model, ['Export', 'Missing'])).toEqual([
      { container: model.Export, key: 'Missing', location: ['Export'] },
    ]);
  });

  it('expands * over array items and skips items that are not objects', () => {
    const slots = slotsAt(model, ['StorageConnectors', '*', 'ResourceIdentifier']);
    expect(slots.map((slot) => slot.location)).toEqual([
      ['StorageConnectors', '0'],
      ['StorageConnectors', '1'],
    ]);
  });

  it('returns nothing when a parent is missing', () => {
    expect(slotsAt(model, ['Nope', 'Child'])).toEqual([]);
    expect(slotsAt(model, [])).toEqual([]);
  });
});

describe('valueAt', () => {
  it('reads nested values and stops at missing steps', () => {
    expect(valueAt({ A: { B: 2 } }, ['A', 'B'])).toBe(2);
    expect(valueAt({ A: 'text' }, ['A', 'B'])).toBeUndefined();
  });
});

describe('pathsOverlap', () => {
  it('is true for equal paths, paths inside each other, and * against any segment', () => {
    expect(pathsOverlap(['ImageName'], ['ImageName'])).toBe(true);
    expect(pathsOverlap(['Export'], ['Export', 'ExportArn'])).toBe(true);
    expect(pathsOverlap(['Export', 'ExportArn', 'x'], ['Export', 'ExportArn'])).toBe(true);
    expect(pathsOverlap(['Items', '3', 'Id'], ['Items', '*', 'Id'])).toBe(true);
    expect(pathsOverlap(['Export', 'Description'], ['Export', 'ExportArn'])).toBe(false);
    expect(pathsOverlap(['ImageDescription'], ['ImageName'])).toBe(false);
  });
});

describe('cloneJson', () => {
  it('copies deeply', () => {
    const original = { a: { b: [1, 2] } };
    const copy = cloneJson(original);
    copy.a.b.push(3);
    expect(original.a.b).toEqual([1, 2]);
  });
});
