import { describe, expect, it } from 'vitest';
import {
  applyJsonPatch,
  deepEqual,
  JsonPatchError,
  parsePatchDocument,
  parsePointer,
  touchedTopLevel,
  type PatchOperation,
} from './json-patch';

const apply = (doc: unknown, ops: PatchOperation[]): unknown => applyJsonPatch(doc, ops);

describe('applyJsonPatch (RFC 6902 appendix A)', () => {
  it('adds an object member', () => {
    expect(apply({ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }])).toEqual({
      foo: 'bar',
      baz: 'qux',
    });
  });

  it('adds an array element and appends with -', () => {
    expect(apply({ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }])).toEqual({
      foo: ['bar', 'qux', 'baz'],
    });
    expect(apply({ foo: [1] }, [{ op: 'add', path: '/foo/-', value: 2 }])).toEqual({ foo: [1, 2] });
  });

  it('removes object members and array elements', () => {
    expect(apply({ baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }])).toEqual({
      foo: 'bar',
    });
    expect(apply({ foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }])).toEqual({
      foo: ['bar', 'baz'],
    });
  });

  it('replaces a value, and fails replacing one that is not there', () => {
    expect(
      apply({ baz: 'qux', foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 'boo' }]),
    ).toEqual({
      baz: 'boo',
      foo: 'bar',
    });
    expect(() => apply({ Handler: 'a' }, [{ op: 'replace', path: '/Code', value: {} }])).toThrow(
      '[REPLACE Operation] noSuchPath in source, path provided : /Code',
    );
  });

  it('moves and copies values', () => {
    const doc = { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } };
    expect(apply(doc, [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }])).toEqual({
      foo: { bar: 'baz' },
      qux: { corge: 'grault', thud: 'fred' },
    });
    expect(
      apply({ foo: ['all', 'grass', 'cows', 'eat'] }, [
        { op: 'move', from: '/foo/1', path: '/foo/3' },
      ]),
    ).toEqual({
      foo: ['all', 'cows', 'eat', 'grass'],
    });
    expect(apply({ a: { b: 1 } }, [{ op: 'copy', from: '/a', path: '/c' }])).toEqual({
      a: { b: 1 },
      c: { b: 1 },
    });
    expect(() => apply({ a: { b: 1 } }, [{ op: 'move', from: '/a', path: '/a/b/c' }])).toThrow(
      JsonPatchError,
    );
  });

  it('tests values, failing the whole patch on a mismatch', () => {
    const doc = { baz: 'qux', foo: ['a', 2, 'c'] };
    expect(
      apply(doc, [
        { op: 'test', path: '/baz', value: 'qux' },
        { op: 'test', path: '/foo/1', value: 2 },
      ]),
    ).toEqual(doc);
    expect(() => apply(doc, [{ op: 'test', path: '/baz', value: 'bar' }])).toThrow(
      'value mismatch',
    );
  });

  it('adds to a nonexistent target only when the parent exists', () => {
    expect(() => apply({ foo: 'bar' }, [{ op: 'add', path: '/baz/bat', value: 'qux' }])).toThrow(
      'noSuchPath',
    );
    expect(() => apply({ foo: [1] }, [{ op: 'add', path: '/foo/5', value: 2 }])).toThrow(
      'noSuchPath',
    );
    expect(() => apply({ foo: [1] }, [{ op: 'remove', path: '/foo/01' }])).toThrow('noSuchPath');
  });

  it('decodes ~0 and ~1 and can replace the whole document', () => {
    expect(
      apply({ 'a/b': 1, 'm~n': 2 }, [
        { op: 'remove', path: '/a~1b' },
        { op: 'remove', path: '/m~0n' },
      ]),
    ).toEqual({});
    expect(apply({ a: 1 }, [{ op: 'replace', path: '', value: { b: 2 } }])).toEqual({ b: 2 });
  });

  it('never modifies its input', () => {
    const doc = { list: [1, 2], nested: { a: 1 } };
    apply(doc, [
      { op: 'add', path: '/list/-', value: 3 },
      { op: 'remove', path: '/nested/a' },
    ]);
    expect(doc).toEqual({ list: [1, 2], nested: { a: 1 } });
  });
});

describe('parsePatchDocument', () => {
  it('reads a valid document', () => {
    expect(
      parsePatchDocument(
        '[{"op":"replace","path":"/A","value":1},{"op":"move","from":"/B","path":"/C"}]',
      ),
    ).toEqual([
      { op: 'replace', path: '/A', value: 1 },
      { op: 'move', from: '/B', path: '/C' },
    ]);
  });

  it.each([
    ['not json', 'not valid JSON'],
    ['{"op":"add"}', 'JSON array'],
    ['[1]', 'not an object'],
    ['[{"op":"frob","path":"/a"}]', 'unknown op'],
    ['[{"op":"add","value":1}]', 'no path'],
    ['[{"op":"add","path":"/a"}]', 'no value'],
    ['[{"op":"copy","path":"/a"}]', 'no from'],
    ['[{"op":"remove","path":"a"}]', 'Invalid JSON pointer'],
  ])('refuses %s', (text, expected) => {
    expect(() => parsePatchDocument(text)).toThrow(expected);
  });
});

describe('helpers', () => {
  it('touchedTopLevel lists written properties, including move sources, but not tests', () => {
    expect(
      touchedTopLevel([
        { op: 'replace', path: '/Tags/0/Value', value: 'x' },
        { op: 'move', from: '/A', path: '/B' },
        { op: 'test', path: '/C', value: 1 },
        { op: 'copy', from: '/D', path: '/E' },
      ]),
    ).toEqual(['Tags', 'B', 'A', 'E']);
  });

  it('parsePointer and deepEqual', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/a~1b/0')).toEqual(['a/b', '0']);
    expect(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
  });
});
