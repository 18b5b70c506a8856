import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  IMAGE,
  PROFILE,
  REGION,
  image,
  startMutationHarness,
  type MutationHarness,
} from './test-support/harness';

// Polling, cancel and retry. Lifecycle steps are a minute long on the shared clock, so
// requests stay in flight until a test moves the clock on (no real waiting).
const step = 60_000;
let h: MutationHarness;
beforeAll(async () => {
  h = await startMutationHarness({ sandbox: { mutationDelayMs: step } });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.sandbox.faults.reset();
  h.calls.length = 0;
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const target = { profile: PROFILE, region: REGION, typeName: IMAGE };

describe('polling', () => {
  it('never asks before RetryAfter, though its own backoff would ask every 5–20 ms', async () => {
    const sent = await h.service.create({ ...target, desiredState: image('patient-image') });
    await pause(150);
    expect(h.callsOf('GetResourceRequestStatus')).toBe(0);
    h.advance(step); // RetryAfter reached: one poll, IN_PROGRESS, the next RetryAfter a step on.
    while ((await h.journal.get(sent.id))?.status !== 'IN_PROGRESS') await pause(5);
    await pause(150);
    expect(h.callsOf('GetResourceRequestStatus')).toBe(1);
    h.advance(step);
    expect(await h.service.settled(sent.id)).toMatchObject({ status: 'SUCCESS' });
    expect(h.callsOf('GetResourceRequestStatus')).toBe(2);
  });
});

describe('cancel', () => {
  it('cancels a request in flight: CANCEL_IN_PROGRESS, then CANCEL_COMPLETE, nothing created', async () => {
    const before = await h.count();
    const sent = await h.service.create({ ...target, desiredState: image('cancel-me') });
    expect(sent.status).toBe('PENDING');
    const cancelling = await h.service.cancel(sent.id);
    expect(cancelling).toMatchObject({ id: sent.id, status: 'CANCEL_IN_PROGRESS' });
    h.advance(step);
    expect(await h.service.settled(sent.id)).toMatchObject({ status: 'CANCEL_COMPLETE' });
    expect(h.events.filter((e) => e.id === sent.id).map((e) => e.status)).toEqual([
      'PENDING',
      'CANCEL_IN_PROGRESS',
      'CANCEL_COMPLETE',
    ]);
    h.advance(2 * step);
    expect(await h.count()).toBe(before);

    // A cancelled request can be sent again, as a new request.
    const again = await h.service.retry(sent.id);
    expect(again.id).not.toBe(sent.id);
    h.advance(2 * step);
    expect(await h.service.settled(again.id)).toMatchObject({ status: 'SUCCESS' });
    expect(await h.count()).toBe(before + 1);
  });

  it('says there is nothing to cancel once the request has finished', async () => {
    const sent = await h.service.create({ ...target, desiredState: image('done-already') });
    h.advance(2 * step);
    expect((await h.service.settled(sent.id))?.status).toBe('SUCCESS');
    await expect(h.service.cancel(sent.id)).rejects.toMatchObject({
      code: 'InvalidArguments',
      message: 'This request has already finished (SUCCESS), so there is nothing to cancel.',
    });
  });

  it('passes on Cloud Control’s refusal when the request finished before Cloudshelf heard', async () => {
    const sent = await h.service.create({ ...target, desiredState: image('too-late') });
    // A service that is not tracking it (restarted, not resumed) still thinks it is PENDING.
    await h.service.close();
    const service = h.restart();
    h.advance(2 * step);
    await expect(service.cancel(sent.id)).rejects.toMatchObject({
      code: 'InvalidArguments',
      message: expect.stringMatching(
        /^Cloud Control can no longer cancel this request: .*SUCCESS/,
      ) as string,
      hint: expect.stringMatching(/final status/) as string,
    });
    // …and then follows it to that final status.
    expect(await service.settled(sent.id)).toMatchObject({ status: 'SUCCESS' });
  });

  it('does not know an id that was never journaled', async () => {
    await expect(h.service.cancel('no-such-request')).rejects.toMatchObject({ code: 'NotFound' });
  });
});

describe('retry', () => {
  it('re-sends a failed create as a new request that succeeds once the fault is gone', async () => {
    h.sandbox.faults.set({ failCreates: [{ typeName: IMAGE, message: 'Handler had a bad day' }] });
    const sent = await h.service.create({ ...target, desiredState: image('second-chance') });
    h.advance(2 * step);
    expect(await h.service.settled(sent.id)).toMatchObject({
      status: 'FAILED',
      errorCode: 'GeneralServiceException',
      statusMessage: 'Handler had a bad day',
    });
    h.sandbox.faults.reset();

    const again = await h.service.retry(sent.id);
    expect(again).toMatchObject({
      status: 'PENDING',
      operation: 'CREATE',
      desiredState: image('second-chance'),
      identifier: null,
    });
    expect(again.id).not.toBe(sent.id);
    expect(again.requestToken).not.toBe(sent.requestToken);
    h.advance(2 * step);
    expect(await h.service.settled(again.id)).toMatchObject({
      status: 'SUCCESS',
      identifier: expect.stringMatching(/image\/second-chance$/) as string,
    });
    // The failed original stays in the journal as it was.
    const listed = await h.service.list();
    expect(listed.find((r) => r.id === sent.id)?.status).toBe('FAILED');
    expect(listed.findIndex((r) => r.id === again.id)).toBeLessThan(
      listed.findIndex((r) => r.id === sent.id),
    );
  });

  it('refuses to re-send a request that succeeded or is still running', async () => {
    const sent = await h.service.create({ ...target, desiredState: image('only-once') });
    await expect(h.service.retry(sent.id)).rejects.toMatchObject({
      code: 'InvalidArguments',
      hint: 'Wait for it to finish, or cancel it first.',
    });
    h.advance(2 * step);
    await h.service.settled(sent.id);
    await expect(h.service.retry(sent.id)).rejects.toMatchObject({
      code: 'InvalidArguments',
      message: 'Only failed or cancelled requests can be sent again; this one is SUCCESS.',
    });
  });
});
