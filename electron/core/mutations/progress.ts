import type { ProgressEvent } from '@aws-sdk/client-cloudcontrol';
import { isFinished, RequestStatus, type TrackedRequest } from '../../../shared/contract';

// The rule lives beside RequestStatus, shared with the window; re-exported for this module's users.
export { isFinished };

/**
 * How far along a status is. A poll answered before a cancel can arrive after it; ranks keep
 * such a stale answer from moving a request backwards (CANCEL_IN_PROGRESS → IN_PROGRESS).
 */
const rank: Readonly<Record<RequestStatus, number>> = {
  PENDING: 0,
  IN_PROGRESS: 1,
  CANCEL_IN_PROGRESS: 2,
  SUCCESS: 3,
  FAILED: 3,
  CANCEL_COMPLETE: 3,
};

/** The fields a request's watchers care about; updatedAt alone is not a change. */
function sameState(a: TrackedRequest, b: TrackedRequest): boolean {
  return (
    a.status === b.status &&
    a.requestToken === b.requestToken &&
    a.identifier === b.identifier &&
    a.statusMessage === b.statusMessage &&
    a.errorCode === b.errorCode
  );
}

/** Applies a change; answers `request` itself when nothing a watcher sees would differ. */
export function withChange(
  request: TrackedRequest,
  change: Partial<
    Pick<TrackedRequest, 'status' | 'requestToken' | 'identifier' | 'statusMessage' | 'errorCode'>
  >,
  now: number,
): TrackedRequest {
  const next: TrackedRequest = { ...request, ...change };
  if (sameState(request, next)) return request;
  next.updatedAt = now;
  next.finishedAt = isFinished(next.status) ? (request.finishedAt ?? now) : null;
  return next;
}

/**
 * Folds one of Cloud Control's ProgressEvents into the tracked request. A finished request
 * never changes again, and a stale event (lower rank than what is known) is ignored.
 */
export function applyProgress(
  request: TrackedRequest,
  event: ProgressEvent,
  now: number,
): TrackedRequest {
  if (isFinished(request.status)) return request;
  const parsed = RequestStatus.safeParse(event.OperationStatus);
  const status = parsed.success ? parsed.data : request.status;
  if (rank[status] < rank[request.status]) return request;
  return withChange(
    request,
    {
      status,
      requestToken: request.requestToken ?? event.RequestToken ?? null,
      identifier: event.Identifier ?? request.identifier,
      // Messages belong to the status they came with: a new answer replaces the old note.
      statusMessage: event.StatusMessage ?? null,
      errorCode: event.ErrorCode ?? null,
    },
    now,
  );
}
