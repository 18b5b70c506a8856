import { CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { accountIdFor } from '../../../sandbox/account';
import type { AwsClients, SessionProvider } from '../../aws/session';

/**
 * A SessionProvider over a sandbox endpoint with static credentials, for tests and the
 * benchmark (the real one resolves the user's profiles). The SDK keeps its own retries, with
 * short fixed delays so fault tests run fast.
 */
export interface SandboxSessionOptions {
  accessKeyId?: string;
  /** The SDK's attempts per call (its retry loop, inside the engine's). Default 3. */
  maxAttempts?: number;
  /** The SDK's delay between its attempts. Default 5 ms. */
  retryDelayMs?: number;
}

export interface SandboxSessions extends SessionProvider {
  /** Every client made so far (to count or destroy them). */
  destroy(): void;
}

type ErrorType = 'THROTTLING' | 'TRANSIENT' | 'SERVER_ERROR' | 'CLIENT_ERROR';
interface Token {
  getRetryCount(): number;
  getRetryDelay(): number;
}

/** The SDK's RetryStrategyV2 shape: retry throttles, 5xx and transient errors with a short delay. */
function fastRetryStrategy(maxAttempts: number, delayMs: number) {
  const token = (count: number): Token => ({
    getRetryCount: () => count,
    getRetryDelay: () => (count === 0 ? 0 : delayMs),
  });
  return {
    mode: 'standard',
    acquireInitialRetryToken: () => Promise.resolve(token(0)),
    refreshRetryTokenForRetry: (previous: Token, info: { errorType: ErrorType }) => {
      const next = previous.getRetryCount() + 1;
      if (info.errorType === 'CLIENT_ERROR' || next >= maxAttempts) {
        return Promise.reject(new Error('No retries left'));
      }
      return Promise.resolve(token(next));
    },
    recordSuccess: () => undefined,
  };
}

export function sandboxSessions(
  endpoint: string,
  options: SandboxSessionOptions = {},
): SandboxSessions {
  const accessKeyId = options.accessKeyId ?? 'AKIDINVENTORYTEST';
  const credentials = { accessKeyId, secretAccessKey: 'sandbox-secret' };
  const retryStrategy = fastRetryStrategy(options.maxAttempts ?? 3, options.retryDelayMs ?? 5);
  const made = new Map<string, AwsClients>();
  return {
    clients(_profile, region) {
      let clients = made.get(region);
      if (!clients) {
        const config = { endpoint, region, credentials, retryStrategy };
        clients = {
          cloudControl: new CloudControlClient(config),
          cloudFormation: new CloudFormationClient(config),
        };
        made.set(region, clients);
      }
      return Promise.resolve(clients);
    },
    account: () => Promise.resolve(accountIdFor(accessKeyId)),
    destroy() {
      for (const clients of made.values()) {
        clients.cloudControl.destroy();
        clients.cloudFormation.destroy();
      }
      made.clear();
    },
  };
}
