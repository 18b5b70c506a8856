import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { defaultSnapshotPath } from './snapshot-path';

export const REGION_AVAILABILITY_FILE_NAME = 'region-availability.json.gz';

/**
 * What the build-time data (electron/tools/build-region-data.mjs) knows about one type: the
 * regions known to offer it and the regions known not to. Every other region is unknown.
 */
export interface TypeAvailability {
  offered: readonly string[];
  notOffered: readonly string[];
}

export interface RegionAvailability {
  /** Where the data came from, e.g. `@aws-cdk/aws-service-spec@0.1.216`. */
  source: string;
  /** Regions the source describes at all. */
  regionsCovered: readonly string[];
  of(typeName: string): TypeAvailability | undefined;
}

const FileShape = z.object({
  source: z.string(),
  regionsCovered: z.array(z.string()),
  types: z.record(
    z.string(),
    z.object({ offered: z.array(z.string()), notOffered: z.array(z.string()) }),
  ),
});

/** Knows nothing: every region is "unknown" for every type. */
export const NO_REGION_AVAILABILITY: RegionAvailability = {
  source: 'none',
  regionsCovered: [],
  of: () => undefined,
};

export function parseRegionAvailability(json: unknown): RegionAvailability {
  const data = FileShape.parse(json);
  const types = new Map(Object.entries(data.types));
  return { source: data.source, regionsCovered: data.regionsCovered, of: (t) => types.get(t) };
}

/** The generated file sits beside the registry snapshot (`electron/registry/`, `dist/registry/`). */
export function defaultRegionAvailabilityPath(): string {
  return path.join(path.dirname(defaultSnapshotPath()), REGION_AVAILABILITY_FILE_NAME);
}

export async function loadRegionAvailability(
  file: string = defaultRegionAvailabilityPath(),
): Promise<RegionAvailability> {
  const packed = await readFile(file);
  return parseRegionAvailability(JSON.parse(gunzipSync(packed).toString('utf8')));
}
