import type { ProgressEvent } from '@aws-sdk/client-cloudcontrol';
import type { TrackedRequest } from '../../../shared/contract';
import { isFinished } from './progress';

/** Unfinished journal entries grouped by where their requests live. */
export interface ResumeGroup {
  profile: string;
  region: string;
  requests: TrackedRequest[];
}

export function groupUnfinished(requests: readonly TrackedRequest[]): ResumeGroup[] {
  const groups = new Map<string, ResumeGroup>();
  for (const request of requests) {
    if (isFinished(request.status)) continue;
    const key = JSON.stringify([request.profile, request.region]);
    let group = groups.get(key);
    if (!group) {
      group = { profile: request.profile, region: request.region, requests: [] };
      groups.set(key, group);
    }
    group.requests.push(request);
  }
  return [...groups.values()];
}

/** How far AWS's clock may be behind ours when comparing a request's time with the journal's. */
export const clockSkewMs = 5 * 60_000;

/**
 * For an update or delete journaled but never confirmed (the app stopped while sending): the
 * in-flight request on the same resource that began after it was journaled. Cloud Control
 * runs one mutation per resource at a time, so that request is the one Cloudshelf sent;
 * following it is safer than sending again once the ClientToken has expired. Creates are
 * matched by ClientToken only (a new resource's identifier is unknown until it exists).
 */
export function adoptableRequest(
  request: TrackedRequest,
  inFlight: readonly ProgressEvent[],
  claimed: ReadonlySet<string>,
): ProgressEvent | undefined {
  if (request.requestToken !== null || request.operation === 'CREATE') return undefined;
  if (request.identifier === null) return undefined;
  return inFlight.find(
    (event) =>
      event.RequestToken !== undefined &&
      !claimed.has(event.RequestToken) &&
      event.TypeName === request.typeName &&
      event.Operation === request.operation &&
      event.Identifier === request.identifier &&
      (event.EventTime?.getTime() ?? 0) >= request.startedAt - clockSkewMs,
  );
}
