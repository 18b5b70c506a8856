import { mkdir, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FORMAT, createTypeCache, isRegionCode, schemaFileName } from './type-cache';

const schemaText = JSON.stringify({
  typeName: 'AWS::Demo::Thing',
  description: 'demo',
  properties: {},
  primaryIdentifier: ['/properties/Id'],
});

async function fresh() {
  const dir = await mkdtemp(path.join(tmpdir(), 'cloudshelf-cache-'));
  const lines: string[] = [];
  return { dir, lines, cache: createTypeCache(dir, (l) => lines.push(l)) };
}

describe('type cache', () => {
  it('round-trips an index and its schemas per region', async () => {
    const { dir, cache } = await fresh();
    const file = schemaFileName('AWS::Demo::Thing');
    const index = {
      format: CACHE_FORMAT,
      region: 'eu-west-1',
      fetchedAt: '2026-11-23T10:00:00.000Z',
      types: { 'AWS::Demo::Thing': { lastUpdated: null, description: 'demo', schemaFile: file } },
    } as const;
    await cache.write(index, new Map([[file, schemaText]]));
    expect(await readdir(path.join(dir, 'eu-west-1'))).toEqual(['index.json', 'schemas']);
    expect(await cache.regions()).toEqual(['eu-west-1']);
    expect(await cache.readIndex('eu-west-1')).toEqual(index);
    expect(await cache.readSchema('eu-west-1', 'AWS::Demo::Thing', file)).toBe(schemaText);
    expect(await cache.readIndex('us-east-1')).toBeUndefined();
  });

  it.runIf(process.platform !== 'win32')(
    'writes folders and files only their owner can read',
    async () => {
      const { dir, cache } = await fresh();
      const file = schemaFileName('AWS::Demo::Thing');
      await cache.write(
        {
          format: CACHE_FORMAT,
          region: 'eu-west-1',
          fetchedAt: '2026-11-23T10:00:00.000Z',
          types: {},
        },
        new Map([[file, schemaText]]),
      );
      const mode = async (...parts: string[]) =>
        (await stat(path.join(dir, ...parts))).mode & 0o777;
      expect(await mode('eu-west-1')).toBe(0o700);
      expect(await mode('eu-west-1', 'schemas')).toBe(0o700);
      expect(await mode('eu-west-1', 'index.json')).toBe(0o600);
      expect(await mode('eu-west-1', 'schemas', file)).toBe(0o600);
    },
  );

  it('logs and ignores corrupt or mismatched files', async () => {
    const { dir, lines, cache } = await fresh();
    await mkdir(path.join(dir, 'eu-west-1', 'schemas'), { recursive: true });
    await writeFile(path.join(dir, 'eu-west-1', 'index.json'), '{"format":1');
    await writeFile(path.join(dir, 'eu-west-1', 'schemas', 'AWS__Demo__Thing.json'), schemaText);
    expect(await cache.readIndex('eu-west-1')).toBeUndefined();
    expect(
      await cache.readSchema('eu-west-1', 'AWS::Other::Thing', 'AWS__Demo__Thing.json'),
    ).toBeUndefined();
    expect(lines).toHaveLength(2);
  });

  it('accepts only region codes and type names that are safe as paths', () => {
    expect(isRegionCode('ap-southeast-7')).toBe(true);
    expect(isRegionCode('../x')).toBe(false);
    expect(() => schemaFileName('AWS::../../x')).toThrow();
  });
});
