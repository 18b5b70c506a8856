import type { ScanRequest } from '../../../shared/contract';
import { listedPerParentByDefault } from '../../../shared/inventory/listing';
import type { ScanEngine } from '../../core/inventory/scan';
import type { HandlerTable } from '../dispatch';
import { checkScanRegions, isCommercialRegion } from './scan-regions';

export interface InventoryServices {
  scans: ScanEngine;
  /**
   * The region the profile's configuration names, so a scan may include it even when it is not
   * a commercial region (GovCloud, China, a local endpoint's). Without it, or when the profile
   * cannot be read, only commercial regions are allowed.
   */
  profileRegion?: (profile: string) => Promise<string | null>;
}

/** Model packages per group unless the caller says otherwise (see `listedPerParentByDefault`). */
export function withDefaultListing(request: ScanRequest): ScanRequest {
  if (request.perParent !== undefined || request.resourceModel !== undefined) return request;
  return listedPerParentByDefault(request.typeName) ? { ...request, perParent: true } : request;
}

/**
 * `inventory.scan` starts a scan under the caller's id (a reused one is refused) and answers
 * at once with it; rows arrive as events.
 */
export function createInventoryHandlers(
  services: InventoryServices,
): Pick<HandlerTable, 'inventory.scan' | 'inventory.cancel'> {
  const profileRegion = async (profile: string): Promise<string | null> => {
    try {
      return (await services.profileRegion?.(profile)) ?? null;
    } catch {
      // A profile that cannot be read adds no region: the scan itself reports why it fails.
      return null;
    }
  };
  return {
    'inventory.scan': async (args) => {
      // Only a region outside the commercial list needs the profile read.
      const extra = args.regions.every(isCommercialRegion)
        ? null
        : await profileRegion(args.profile);
      checkScanRegions(args.regions, extra);
      return { scanId: services.scans.scan(withDefaultListing(args)) };
    },
    'inventory.cancel': (args) =>
      Promise.resolve({ cancelled: services.scans.cancel(args.scanId) }),
  };
}
