import {
  GetResourceCommand,
  paginateListResources,
  type CloudControlClient,
  type ResourceDescription,
} from '@aws-sdk/client-cloudcontrol';
import type { RateLimiter } from './limiter';
import { withRetry, type RetryDeps, type RetryPolicy } from './retry';

/** Everything a Cloud Control call from a scan goes through. */
export interface CallContext {
  client: CloudControlClient;
  limiter: RateLimiter;
  signal: AbortSignal;
  retry: RetryPolicy;
  onRetry?: RetryDeps['onRetry'];
  /** Told about every HTTP attempt that went out (after its permit). */
  onAttempt?: () => void;
}

interface MiddlewareCommand {
  middlewareStack: {
    addRelativeTo(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
      ) => (args: unknown) => Promise<unknown>,
      options: { relation: 'after'; toMiddleware: string; name: string },
    ): void;
  };
}

/**
 * Puts the rate limiter inside the SDK's retry loop, so every HTTP attempt (the SDK's own
 * retries included) waits for a permit, not just the first.
 */
export function limitAttempts<C>(command: C, context: CallContext): C {
  (command as MiddlewareCommand).middlewareStack.addRelativeTo(
    (next) => async (args) => {
      await context.limiter.acquire(context.signal);
      context.onAttempt?.();
      return next(args);
    },
    { relation: 'after', toMiddleware: 'retryMiddleware', name: 'cloudshelfRateLimit' },
  );
  return command;
}

export interface ListedPage {
  descriptions: ResourceDescription[];
}

/**
 * ListResources page by page (NextToken followed by the SDK's paginator). A page that fails
 * after its retries is retried here from the same token, so a throttle never restarts or
 * duplicates the list.
 */
export async function* listPages(
  context: CallContext,
  typeName: string,
  resourceModel: Record<string, unknown> | undefined,
): AsyncGenerator<ListedPage> {
  let token: string | undefined;
  for (;;) {
    const startingToken = token;
    const page = await withRetry(
      async () => {
        const pages = paginateListResources(
          {
            client: context.client,
            ...(startingToken === undefined ? {} : { startingToken }),
            withCommand: (command) => limitAttempts(command, context),
          },
          {
            TypeName: typeName,
            ...(resourceModel === undefined
              ? {}
              : { ResourceModel: JSON.stringify(resourceModel) }),
          },
          { abortSignal: context.signal },
        );
        // One page per retry unit: the iterator is dropped after its first page.
        for await (const first of pages) return first;
        return undefined;
      },
      context.retry,
      { signal: context.signal, ...(context.onRetry ? { onRetry: context.onRetry } : {}) },
    );
    if (!page) return;
    yield { descriptions: page.ResourceDescriptions ?? [] };
    token = page.NextToken;
    if (!token) return;
  }
}

/** GetResource, limited and retried; undefined when the resource is gone (deleted since listed). */
export async function getResource(
  context: CallContext,
  typeName: string,
  identifier: string,
): Promise<ResourceDescription | undefined> {
  try {
    const output = await withRetry(
      () =>
        context.client.send(
          limitAttempts(
            new GetResourceCommand({ TypeName: typeName, Identifier: identifier }),
            context,
          ),
          { abortSignal: context.signal },
        ),
      context.retry,
      { signal: context.signal, ...(context.onRetry ? { onRetry: context.onRetry } : {}) },
    );
    return output.ResourceDescription;
  } catch (error) {
    if (error instanceof Error && error.name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

/** A description's properties as an object (`Properties` is JSON text on the wire). */
export function propertiesOf(description: ResourceDescription): Record<string, unknown> {
  if (description.Properties === undefined || description.Properties === '') return {};
  const parsed: unknown = JSON.parse(description.Properties);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
}
