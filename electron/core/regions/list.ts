import type { RegionInfo } from '../../../shared/contract';
import type { RegionAvailability } from '../../registry/region-availability';
import { offersType, type LiveTypeLists } from './availability';
import { COMMERCIAL_REGIONS } from './commercial-regions';

/** Every commercial region; with a type, whether each one offers it. */
export function listRegions(
  typeName: string | undefined,
  data: RegionAvailability,
  live: LiveTypeLists,
): RegionInfo[] {
  return COMMERCIAL_REGIONS.map((region) => ({
    code: region.code,
    name: region.name,
    optIn: region.optIn,
    offersType: typeName === undefined ? null : offersType(typeName, region.code, data, live),
  }));
}
