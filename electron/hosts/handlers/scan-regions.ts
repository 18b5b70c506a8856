import { CloudshelfError } from '../../../shared/contract';
import { COMMERCIAL_REGIONS } from '../../core/regions/commercial-regions';

const commercial: ReadonlySet<string> = new Set(COMMERCIAL_REGIONS.map((region) => region.code));

export function isCommercialRegion(region: string): boolean {
  return commercial.has(region);
}

/**
 * Refuses a scan's region list unless every region is a known commercial region or the one the
 * profile's configuration reports, each named once. Each region costs a session, clients and
 * requests, so a list of thousands of invented regions must never start.
 */
export function checkScanRegions(regions: readonly string[], profileRegion: string | null): void {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const region of regions) {
    if (seen.has(region)) repeated.add(region);
    seen.add(region);
  }
  if (repeated.size > 0) {
    throw new CloudshelfError(
      'InvalidArguments',
      `The scan names ${listed([...repeated])} more than once.`,
      'Name each region once.',
    );
  }
  const unknown = regions.filter((region) => !commercial.has(region) && region !== profileRegion);
  if (unknown.length > 0) {
    throw new CloudshelfError(
      'InvalidArguments',
      `${listed(unknown)} ${unknown.length === 1 ? 'is not a region' : 'are not regions'} Cloudshelf knows: only the ${commercial.size} commercial AWS regions${profileRegion && !commercial.has(profileRegion) ? ` and the profile's region ${profileRegion}` : ''} can be scanned.`,
      'Pick the regions from the list, or set the region in the profile (`region = …` in the AWS config) to scan another one.',
    );
  }
}

/** The first few names, so a message stays short whatever was sent. */
function listed(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((name) => JSON.stringify(name.slice(0, 40)));
  return names.length > 3 ? `${shown.join(', ')} and ${names.length - 3} more` : shown.join(', ');
}
