import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { parseResourceSchema } from '../../registry/schema-shape';
import { writeFileAtomic } from '../files/atomic-write';
import { privateFile } from '../files/private-folder';

/**
 * The on-disk cache of one region's live registry, `<cacheDir>/<region>/`:
 * `index.json` lists every type ListTypes returned (so it also says where a type exists);
 * `schemas/<AWS__Service__Type>.json` holds DescribeType's schema text for the types whose
 * schema differs from the bundled snapshot (or that the snapshot lacks).
 */
export const CACHE_FORMAT = 1;

const CachedType = z.object({
  lastUpdated: z.string().nullable(),
  description: z.string(),
  /** File name under `schemas/`; null when the snapshot's schema is current. */
  schemaFile: z.string().nullable(),
});
export type CachedType = z.infer<typeof CachedType>;

const RegionIndex = z.object({
  format: z.literal(CACHE_FORMAT),
  region: z.string(),
  fetchedAt: z.string(),
  types: z.record(z.string(), CachedType),
});
export type RegionIndex = z.infer<typeof RegionIndex>;

export type Log = (line: string) => void;

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const TYPE_NAME = /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/;

/** Region codes become directory names, so only well-formed codes are accepted. */
export function isRegionCode(region: string): boolean {
  return REGION.test(region);
}

export function schemaFileName(typeName: string): string {
  if (!TYPE_NAME.test(typeName)) throw new Error(`not a resource type name: ${typeName}`);
  return `${typeName.replaceAll('::', '__')}.json`;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createTypeCache(cacheDir: string, log: Log) {
  const regionDir = (region: string) => {
    if (!isRegionCode(region)) throw new Error(`not a region code: ${region}`);
    return path.join(cacheDir, region);
  };
  const indexFile = (region: string) => path.join(regionDir(region), 'index.json');
  const schemaPath = (region: string, file: string) =>
    path.join(regionDir(region), 'schemas', path.basename(file));

  return {
    /** Regions with a cache directory (whether or not their index is readable). */
    async regions(): Promise<string[]> {
      try {
        const entries = await readdir(cacheDir, { withFileTypes: true });
        return entries.filter((e) => e.isDirectory() && isRegionCode(e.name)).map((e) => e.name);
      } catch {
        return [];
      }
    },

    /** The region's index, or undefined when absent; a corrupt one is logged and ignored. */
    async readIndex(region: string): Promise<RegionIndex | undefined> {
      const file = indexFile(region);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        return undefined;
      }
      try {
        const index = RegionIndex.parse(JSON.parse(text));
        if (index.region !== region) throw new Error(`it describes ${index.region}`);
        return index;
      } catch (error) {
        log(`catalog cache: ignoring corrupt ${file}: ${describeError(error).slice(0, 200)}`);
        return undefined;
      }
    },

    /** A cached schema's text, checked to be a schema of `typeName`; corrupt → undefined. */
    async readSchema(region: string, typeName: string, file: string): Promise<string | undefined> {
      const full = schemaPath(region, file);
      try {
        const text = await readFile(full, 'utf8');
        if (parseResourceSchema(text, full).typeName !== typeName) {
          throw new Error(`it does not describe ${typeName}`);
        }
        return text;
      } catch (error) {
        log(`catalog cache: ignoring unreadable ${full}: ${describeError(error).slice(0, 200)}`);
        return undefined;
      }
    },

    /**
     * Schemas first, index last: a reader never finds an index naming a missing schema.
     * Owner-only, like all of the data folder: it says which types an account uses.
     */
    async write(index: RegionIndex, schemas: ReadonlyMap<string, string>): Promise<void> {
      for (const [file, text] of schemas) {
        await writeFileAtomic(schemaPath(index.region, file), text, privateFile);
      }
      await writeFileAtomic(indexFile(index.region), JSON.stringify(index), privateFile);
    },
  };
}

export type TypeCache = ReturnType<typeof createTypeCache>;
