import { CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';

/** Real SDK clients pointed at a sandbox, with retries off so faults are visible. */
export interface ClientOptions {
  region?: string;
  accessKeyId?: string;
  maxAttempts?: number;
}

export function cloudControlClient(
  endpoint: string,
  options: ClientOptions = {},
): CloudControlClient {
  return new CloudControlClient({
    endpoint,
    region: options.region ?? 'us-east-1',
    credentials: {
      accessKeyId: options.accessKeyId ?? 'AKIDSANDBOXTEST',
      secretAccessKey: 'sandbox-secret',
    },
    maxAttempts: options.maxAttempts ?? 1,
  });
}

export function cloudFormationClient(
  endpoint: string,
  options: ClientOptions = {},
): CloudFormationClient {
  return new CloudFormationClient({
    endpoint,
    region: options.region ?? 'us-east-1',
    credentials: {
      accessKeyId: options.accessKeyId ?? 'AKIDSANDBOXTEST',
      secretAccessKey: 'sandbox-secret',
    },
    maxAttempts: options.maxAttempts ?? 1,
  });
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
