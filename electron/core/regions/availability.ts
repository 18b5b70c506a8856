import type { RegionAvailability } from '../../registry/region-availability';
import { COMMERCIAL_REGIONS } from './commercial-regions';

/** Per region, which types a live ListTypes returned (from the catalog's refresh caches). */
export type LiveTypeLists = (region: string) => ReadonlySet<string> | undefined;

/**
 * Whether `region` offers `typeName`. A live ListTypes answer for that region wins; then the
 * build-time data; when neither knows, the type is assumed offered so a scan tries the region
 * rather than silently skipping it.
 */
export function offersType(
  typeName: string,
  region: string,
  data: RegionAvailability,
  live: LiveTypeLists,
): boolean {
  const listed = live(region);
  if (listed) return listed.has(typeName);
  const known = data.of(typeName);
  if (known?.notOffered.includes(region)) return false;
  return true;
}

/** Regions offering the type; null when nothing says it is missing anywhere (then try all). */
export function regionsOffering(
  typeName: string,
  data: RegionAvailability,
  live: LiveTypeLists,
): string[] | null {
  const codes = COMMERCIAL_REGIONS.map((r) => r.code);
  const informed = codes.some((code) => live(code) !== undefined);
  const offering = codes.filter((code) => offersType(typeName, code, data, live));
  if (!informed && offering.length === codes.length) return null;
  return offering;
}
