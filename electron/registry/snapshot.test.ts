import { describe, expect, it } from 'vitest';
import { createRegistrySnapshot, loadRegistrySnapshot } from './snapshot';

function file(name: string, json: unknown) {
  return {
    name,
    mtime: new Date('2026-08-07T17:43:00Z'),
    content: Buffer.from(JSON.stringify(json)),
  };
}

const thing = {
  typeName: 'AWS::Test::Thing',
  description: 'A thing',
  properties: { Name: { type: 'string' } },
  primaryIdentifier: ['/properties/Name'],
};

describe('createRegistrySnapshot', () => {
  it('indexes files by the type name they declare and ignores other files', () => {
    const snapshot = createRegistrySnapshot([
      file('schemas/zeta.json', { ...thing, typeName: 'AWS::Test::Zeta' }),
      file('schemas/thing.json', thing),
      { name: 'schemas/README.txt', mtime: undefined, content: Buffer.from('hello') },
    ]);
    expect(snapshot.typeNames()).toEqual(['AWS::Test::Thing', 'AWS::Test::Zeta']);
    expect(snapshot.has('AWS::Test::Thing')).toBe(true);
    expect(snapshot.has('AWS::Test::Nope')).toBe(false);
    expect(snapshot.schema('AWS::Test::Nope')).toBeUndefined();
    expect(snapshot.lastModified('AWS::Test::Thing')?.toISOString()).toBe(
      '2026-08-07T17:43:00.000Z',
    );
  });

  it('parses once and returns the cached schema afterwards', () => {
    const snapshot = createRegistrySnapshot([file('thing.json', thing)]);
    const first = snapshot.schema('AWS::Test::Thing');
    expect(first?.description).toBe('A thing');
    expect(snapshot.schema('AWS::Test::Thing')).toBe(first);
    expect(snapshot.schemaText('AWS::Test::Thing')).toBe(JSON.stringify(thing));
  });

  it('refuses two files declaring the same type', () => {
    expect(() => createRegistrySnapshot([file('a.json', thing), file('b.json', thing)])).toThrow(
      'b.json: AWS::Test::Thing appears twice',
    );
  });

  it('returns a copy of the names, so callers cannot reorder the index', () => {
    const snapshot = createRegistrySnapshot([file('thing.json', thing)]);
    snapshot.typeNames().pop();
    expect(snapshot.typeNames()).toEqual(['AWS::Test::Thing']);
  });
});

describe('loadRegistrySnapshot (vendored archive)', () => {
  it('loads all 1,665 types quickly and parses them on demand', async () => {
    const started = performance.now();
    const snapshot = await loadRegistrySnapshot();
    const loadMs = performance.now() - started;
    const names = snapshot.typeNames();
    expect(names).toHaveLength(1665);
    expect(names).toEqual([...names].sort());
    expect(snapshot.schema('AWS::SageMaker::Image')?.primaryIdentifier).toEqual([
      '/properties/ImageArn',
    ]);
    // Every file's declared typeName must match the name it was indexed under.
    const parseStarted = performance.now();
    for (const name of names) expect(snapshot.schema(name)?.typeName).toBe(name);
    const parseMs = performance.now() - parseStarted;
    console.info(
      `registry snapshot: load ${loadMs.toFixed(0)} ms, parse all ${parseMs.toFixed(0)} ms`,
    );
    expect(loadMs).toBeLessThan(3000);
  });

  it('fails with the path when the archive is missing', async () => {
    await expect(loadRegistrySnapshot('/nonexistent/schemas.tgz')).rejects.toThrow(
      'Cannot read the registry snapshot at /nonexistent/schemas.tgz (ENOENT',
    );
  });
});
