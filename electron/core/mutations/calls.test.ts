import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackedRequest } from '../../../shared/contract';
import { createRateLimiter } from '../inventory/limiter';
import { defaultRetryPolicy } from '../inventory/retry';
import {
  cancelRequest,
  listInFlight,
  requestStatus,
  sendMutation,
  type RequestTarget,
} from './calls';
import {
  IMAGE,
  PROFILE,
  REGION,
  image,
  startMutationHarness,
  type MutationHarness,
} from './test-support/harness';

let h: MutationHarness;
let to: RequestTarget;
const signal = new AbortController().signal;
beforeAll(async () => {
  h = await startMutationHarness({ sandbox: { mutationDelayMs: 60_000 } });
  const { cloudControl } = await h.sessions.clients(PROFILE, REGION);
  to = {
    client: cloudControl,
    limiter: createRateLimiter(1000),
    retry: { ...defaultRetryPolicy, baseDelayMs: 1 },
  };
});
afterAll(async () => {
  await h.close();
});

function request(fields: Partial<TrackedRequest>): TrackedRequest {
  return {
    id: randomUUID(),
    requestToken: null,
    profile: PROFILE,
    region: REGION,
    typeName: IMAGE,
    operation: 'CREATE',
    identifier: null,
    status: 'PENDING',
    statusMessage: null,
    errorCode: null,
    desiredState: null,
    patch: null,
    startedAt: 0,
    updatedAt: 0,
    finishedAt: null,
    ...fields,
  };
}

describe('Cloud Control request calls', () => {
  it('sends the id as ClientToken, so sending again answers the same request', async () => {
    const create = request({ desiredState: image('sent-twice') });
    const first = await sendMutation(to, create, signal);
    const again = await sendMutation(to, create, signal);
    expect(first).toMatchObject({ Operation: 'CREATE', OperationStatus: 'PENDING' });
    expect(again.RequestToken).toBe(first.RequestToken);
    expect(h.callsOf('CreateResource')).toBe(2);
    expect(await requestStatus(to, first.RequestToken ?? '', signal)).toMatchObject({
      RequestToken: first.RequestToken,
      OperationStatus: 'PENDING',
    });
  });

  it('lists requests in flight with the operation filter, and cancels one', async () => {
    const deletion = request({ operation: 'DELETE', identifier: 'arn:aws:sagemaker:x:image/y' });
    const sent = await sendMutation(to, deletion, signal);
    const creates = await listInFlight(to, ['CREATE'], signal);
    const deletes = await listInFlight(to, ['DELETE'], signal);
    expect(creates.every((e) => e.Operation === 'CREATE')).toBe(true);
    expect(deletes.map((e) => e.RequestToken)).toEqual([sent.RequestToken]);
    const cancelled = await cancelRequest(to, sent.RequestToken ?? '', signal);
    expect(cancelled.OperationStatus).toBe('CANCEL_IN_PROGRESS');
    expect(await listInFlight(to, ['DELETE'], signal)).toEqual([]);
  });
});
