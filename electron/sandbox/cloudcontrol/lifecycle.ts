import type { ResourceTypeModel } from '../schema/type-model';

/**
 * One resource operation request and its status over time. Status is computed from
 * timestamps, never advanced by timers: PENDING for one step, IN_PROGRESS for the next,
 * then the outcome decided when the request was settled. Nothing runs in the background,
 * so a test with a 10 ms step is deterministic and nothing leaks after close().
 */
export type Model = Record<string, unknown>;
export type Operation = 'CREATE' | 'UPDATE' | 'DELETE';
export const operations: readonly Operation[] = ['CREATE', 'UPDATE', 'DELETE'];
export type OperationStatus =
  'PENDING' | 'IN_PROGRESS' | 'SUCCESS' | 'FAILED' | 'CANCEL_IN_PROGRESS' | 'CANCEL_COMPLETE';
export const operationStatuses: readonly OperationStatus[] = [
  'PENDING',
  'IN_PROGRESS',
  'SUCCESS',
  'FAILED',
  'CANCEL_IN_PROGRESS',
  'CANCEL_COMPLETE',
];

export interface RequestOutcome {
  status: 'SUCCESS' | 'FAILED';
  errorCode?: string;
  message?: string;
  /** The stored model after a successful create or update. */
  model?: Model;
}

export interface ResourceRequest {
  readonly token: string;
  /** Submission order, to break ties between requests due at the same instant. */
  readonly seq: number;
  readonly region: string;
  /** Where the resource lives: the region, or `global` for global types. */
  readonly scope: string;
  readonly type: ResourceTypeModel;
  readonly operation: Operation;
  /** For a create, the identifier the new resource will have. */
  readonly identifier: string;
  readonly submittedAt: number;
  readonly stepMs: number;
  /** What the request asked for, to tell a ClientToken replay from a conflict. */
  readonly fingerprint: string;
  /** Create: the full new model. Update: the model after the patch. */
  readonly model?: Model;
  /** Fault injection: the handler error this request ends in. */
  readonly forcedFailure?: { errorCode: string; message: string };
  cancelRequestedAt?: number;
  outcome?: RequestOutcome;
}

export interface ProgressEvent {
  TypeName: string;
  Identifier?: string;
  RequestToken: string;
  Operation: Operation;
  OperationStatus: OperationStatus;
  /** Epoch seconds (a JSON number: an ISO string breaks the SDK's parser). */
  EventTime: number;
  ResourceModel?: string;
  StatusMessage?: string;
  ErrorCode?: string;
  RetryAfter?: number;
}

export interface Phase {
  status: OperationStatus;
  /** When this status began (ms). */
  since: number;
  /** When the next status is due (ms), while the request is still moving. */
  next?: number;
}

export const completesAt = (request: ResourceRequest): number =>
  request.submittedAt + 2 * request.stepMs;

export function phaseAt(request: ResourceRequest, now: number): Phase {
  const { cancelRequestedAt, submittedAt, stepMs } = request;
  if (cancelRequestedAt !== undefined) {
    const done = cancelRequestedAt + stepMs;
    return now < done
      ? { status: 'CANCEL_IN_PROGRESS', since: cancelRequestedAt, next: done }
      : { status: 'CANCEL_COMPLETE', since: done };
  }
  if (now < submittedAt + stepMs) {
    return { status: 'PENDING', since: submittedAt, next: submittedAt + stepMs };
  }
  const end = completesAt(request);
  if (now < end || !request.outcome) {
    return { status: 'IN_PROGRESS', since: submittedAt + stepMs, next: Math.max(end, now) };
  }
  return { status: request.outcome.status, since: end };
}

export const isInFlight = (status: OperationStatus): boolean =>
  status === 'PENDING' || status === 'IN_PROGRESS' || status === 'CANCEL_IN_PROGRESS';

export function progressEventAt(request: ResourceRequest, now: number): ProgressEvent {
  const phase = phaseAt(request, now);
  const event: ProgressEvent = {
    TypeName: request.type.typeName,
    RequestToken: request.token,
    Operation: request.operation,
    OperationStatus: phase.status,
    EventTime: toEpochSeconds(phase.since),
  };
  // A create's identifier is known only once the handler has made the resource.
  const settled = phase.status === 'SUCCESS' || phase.status === 'FAILED';
  if (request.operation !== 'CREATE' || settled) event.Identifier = request.identifier;
  const { outcome } = request;
  if (phase.status === 'SUCCESS' && outcome?.model && request.operation !== 'DELETE') {
    event.ResourceModel = JSON.stringify(request.type.readable(outcome.model));
  }
  if (phase.status === 'FAILED' && outcome) {
    if (outcome.errorCode) event.ErrorCode = outcome.errorCode;
    if (outcome.message) event.StatusMessage = outcome.message;
  }
  if (phase.next !== undefined) event.RetryAfter = toEpochSeconds(phase.next);
  return event;
}

export const toEpochSeconds = (ms: number): number => Math.round(ms) / 1000;
