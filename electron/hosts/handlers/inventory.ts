import type { ScanEngine } from '../../core/inventory/scan';
import type { HandlerTable } from '../dispatch';

export interface InventoryServices {
  scans: ScanEngine;
}

/** `inventory.scan` starts a scan and answers with its id at once; rows arrive as events. */
export function createInventoryHandlers(
  services: InventoryServices,
): Pick<HandlerTable, 'inventory.scan' | 'inventory.cancel'> {
  return {
    'inventory.scan': (args) => {
      try {
        return Promise.resolve({ scanId: services.scans.scan(args) });
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    'inventory.cancel': (args) =>
      Promise.resolve({ cancelled: services.scans.cancel(args.scanId) }),
  };
}
