import { CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { AwsClients, SessionProvider } from '../session';

export interface StaticSessionOptions {
  endpoint: string;
  accessKeyId?: string;
  /** SDK attempts per call; 1 makes injected faults visible at once. */
  maxAttempts?: number;
}

/**
 * A SessionProvider for tests: real SDK clients with static keys, pointed at a sandbox
 * endpoint. Every profile name maps to the same keys; clients are reused per region.
 */
export function staticSessions(options: StaticSessionOptions): SessionProvider & {
  destroy(): void;
} {
  const credentials = {
    accessKeyId: options.accessKeyId ?? 'AKIDCATALOGTEST',
    secretAccessKey: 'sandbox-secret',
  };
  const made = new Map<string, AwsClients>();
  return {
    clients(_profile, region) {
      let clients = made.get(region);
      if (!clients) {
        const config = {
          endpoint: options.endpoint,
          region,
          credentials,
          maxAttempts: options.maxAttempts ?? 1,
        };
        clients = {
          cloudControl: new CloudControlClient(config),
          cloudFormation: new CloudFormationClient(config),
        };
        made.set(region, clients);
      }
      return Promise.resolve(clients);
    },
    account: () => Promise.resolve('123456789012'),
    destroy() {
      for (const clients of made.values()) {
        clients.cloudControl.destroy();
        clients.cloudFormation.destroy();
      }
      made.clear();
    },
  };
}
