import type { MutationService } from '../../core/mutations';
import type { HandlerTable } from '../dispatch';

export interface ResourceServices {
  mutations: MutationService;
}

type ResourceCall =
  | 'resources.create'
  | 'resources.update'
  | 'resources.delete'
  | 'requests.list'
  | 'requests.cancel'
  | 'requests.retry';

/**
 * Creates, updates and deletes answer once Cloud Control accepted them; their progress
 * arrives as `requests.changed` events. Read-only profiles are refused inside the service.
 */
export function createResourceHandlers(
  services: ResourceServices,
): Pick<HandlerTable, ResourceCall> {
  const { mutations } = services;
  return {
    'resources.create': (args) => mutations.create(args),
    'resources.update': (args) => mutations.update(args),
    'resources.delete': async (args) => ({ results: await mutations.delete(args) }),
    'requests.list': async () => ({ requests: await mutations.list() }),
    'requests.cancel': ({ id }) => mutations.cancel(id),
    'requests.retry': ({ id }) => mutations.retry(id),
  };
}
