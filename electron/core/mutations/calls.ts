import {
  CancelResourceRequestCommand,
  CreateResourceCommand,
  DeleteResourceCommand,
  GetResourceRequestStatusCommand,
  ListResourceRequestsCommand,
  UpdateResourceCommand,
  type CloudControlClient,
  type Operation,
  type ProgressEvent,
} from '@aws-sdk/client-cloudcontrol';
import type { TrackedRequest } from '../../../shared/contract';
import { limitAttempts, type CallContext } from '../inventory/calls';
import type { RateLimiter } from '../inventory/limiter';
import { withRetry, type RetryPolicy } from '../inventory/retry';

/**
 * Cloud Control's request calls as Cloudshelf makes them: every HTTP attempt waits for a
 * permit of the (account, region) limiter scans share, and throttling or dropped connections
 * are retried around the SDK's own retries (see inventory/retry.ts for why).
 */
export interface RequestTarget {
  client: CloudControlClient;
  limiter: RateLimiter;
  retry: RetryPolicy;
}

function context(target: RequestTarget, signal: AbortSignal): CallContext {
  return { client: target.client, limiter: target.limiter, retry: target.retry, signal };
}

function progressOf(output: { ProgressEvent?: ProgressEvent | undefined }): ProgressEvent {
  if (!output.ProgressEvent) throw new Error('Cloud Control answered without a ProgressEvent.');
  return output.ProgressEvent;
}

/**
 * Sends the request's operation with its id as ClientToken. Sending the same request again
 * (after a dropped connection or a restart) is safe: Cloud Control answers a known
 * ClientToken with the original request instead of starting another.
 */
export async function sendMutation(
  target: RequestTarget,
  request: TrackedRequest,
  signal: AbortSignal,
): Promise<ProgressEvent> {
  const call = context(target, signal);
  const common = { TypeName: request.typeName, ClientToken: request.id };
  const options = { abortSignal: signal };
  const send = (): Promise<{ ProgressEvent?: ProgressEvent | undefined }> => {
    switch (request.operation) {
      case 'CREATE':
        return target.client.send(
          limitAttempts(
            new CreateResourceCommand({
              ...common,
              DesiredState: JSON.stringify(request.desiredState ?? {}),
            }),
            call,
          ),
          options,
        );
      case 'UPDATE':
        return target.client.send(
          limitAttempts(
            new UpdateResourceCommand({
              ...common,
              Identifier: request.identifier ?? '',
              PatchDocument: JSON.stringify(request.patch ?? []),
            }),
            call,
          ),
          options,
        );
      case 'DELETE':
        return target.client.send(
          limitAttempts(
            new DeleteResourceCommand({ ...common, Identifier: request.identifier ?? '' }),
            call,
          ),
          options,
        );
    }
  };
  return progressOf(await withRetry(send, target.retry, { signal }));
}

/** One GetResourceRequestStatus; the tracker retries around it. */
export async function requestStatus(
  target: RequestTarget,
  requestToken: string,
  signal: AbortSignal,
): Promise<ProgressEvent> {
  const command = new GetResourceRequestStatusCommand({ RequestToken: requestToken });
  return progressOf(
    await target.client.send(limitAttempts(command, context(target, signal)), {
      abortSignal: signal,
    }),
  );
}

export async function cancelRequest(
  target: RequestTarget,
  requestToken: string,
  signal: AbortSignal,
): Promise<ProgressEvent> {
  const call = context(target, signal);
  return progressOf(
    await withRetry(
      () =>
        target.client.send(
          limitAttempts(new CancelResourceRequestCommand({ RequestToken: requestToken }), call),
          { abortSignal: signal },
        ),
      target.retry,
      { signal },
    ),
  );
}

/** Requests still PENDING or IN_PROGRESS in the target's region, newest first. */
export async function listInFlight(
  target: RequestTarget,
  operations: Operation[],
  signal: AbortSignal,
  maxPages = 10,
): Promise<ProgressEvent[]> {
  const call = context(target, signal);
  const found: ProgressEvent[] = [];
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const nextToken = token;
    const output = await withRetry(
      () =>
        target.client.send(
          limitAttempts(
            new ListResourceRequestsCommand({
              MaxResults: 100,
              ...(nextToken === undefined ? {} : { NextToken: nextToken }),
              ResourceRequestStatusFilter: {
                Operations: operations,
                OperationStatuses: ['PENDING', 'IN_PROGRESS'],
              },
            }),
            call,
          ),
          { abortSignal: signal },
        ),
      target.retry,
      { signal },
    );
    found.push(...(output.ResourceRequestStatusSummaries ?? []));
    token = output.NextToken;
    if (!token) break;
  }
  return found;
}
