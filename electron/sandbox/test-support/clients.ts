import { CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';

/** Real SDK clients pointed at a sandbox, with retries off so faults are visible. */
export interface ClientOptions {
  region?: string;
  accessKeyId?: string;
  maxAttempts?: number;
}

/** Any secret works: the sandbox checks SigV4 syntax, not signatures against a key store. */
const secretAccessKey = 'sandbox-secret';

/** The configuration both SDK clients take; one place for the sandbox's defaults. */
function clientConfig(endpoint: string, options: ClientOptions) {
  return {
    endpoint,
    region: options.region ?? 'us-east-1',
    credentials: { accessKeyId: options.accessKeyId ?? 'AKIDSANDBOXTEST', secretAccessKey },
    maxAttempts: options.maxAttempts ?? 1,
  };
}

export function cloudControlClient(
  endpoint: string,
  options: ClientOptions = {},
): CloudControlClient {
  return new CloudControlClient(clientConfig(endpoint, options));
}

export function cloudFormationClient(
  endpoint: string,
  options: ClientOptions = {},
): CloudFormationClient {
  return new CloudFormationClient(clientConfig(endpoint, options));
}

/** Calls `fn`, expecting it to throw; returns the error for assertions. */
export async function failure(
  fn: () => Promise<unknown>,
): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error('threw a non-Error', { cause: error });
  }
  throw new Error('expected a failure, but the call succeeded');
}
