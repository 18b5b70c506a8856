import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateResourceCommand, UpdateResourceCommand } from '@aws-sdk/client-cloudcontrol';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TrackedRequest } from '../../../shared/contract';
import {
  IMAGE,
  PROFILE,
  REGION,
  image,
  startMutationHarness,
  type MutationHarness,
} from './test-support/harness';

// Restarts: a service is closed mid-request and a new one on the same data folder picks up
// the journal. Minute-long lifecycle steps on the shared clock keep requests in flight.
const step = 60_000;
let h: MutationHarness;
beforeAll(async () => {
  h = await startMutationHarness({ sandbox: { mutationDelayMs: step } });
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  h.calls.length = 0;
  await h.settings.update({ profiles: { [PROFILE]: { readOnly: false } } });
});

const target = { profile: PROFILE, region: REGION, typeName: IMAGE };

async function journaled(): Promise<TrackedRequest[]> {
  const text = await readFile(join(h.dataDir, 'requests.json'), 'utf8');
  return (JSON.parse(text) as { requests: TrackedRequest[] }).requests;
}

/** A journal entry as the app writes it just before sending: no RequestToken yet. */
function unsent(fields: Partial<TrackedRequest>): TrackedRequest {
  const at = h.now();
  return {
    id: randomUUID(),
    requestToken: null,
    ...target,
    operation: 'CREATE',
    identifier: null,
    status: 'PENDING',
    statusMessage: null,
    errorCode: null,
    desiredState: null,
    patch: null,
    startedAt: at,
    updatedAt: at,
    finishedAt: null,
    ...fields,
  };
}

async function cloudControl() {
  return (await h.sessions.clients(PROFILE, REGION)).cloudControl;
}

/** Closes the service with the journal as it is, and starts another (the app restarting). */
async function restart(): Promise<void> {
  await h.service.close();
  h.restart();
}

describe('resume after a restart', () => {
  it('tracks a request AWS accepted to SUCCESS, creating nothing twice', async () => {
    const before = await h.count();
    const sent = await h.service.create({ ...target, desiredState: image('survivor') });
    await restart();
    expect((await journaled()).find((r) => r.id === sent.id)).toMatchObject({
      status: 'PENDING',
      requestToken: sent.requestToken,
    });
    h.advance(2 * step);
    await h.service.resume();
    expect(await h.service.settled(sent.id)).toMatchObject({
      status: 'SUCCESS',
      requestToken: sent.requestToken,
      identifier: expect.stringMatching(/image\/survivor$/) as string,
    });
    expect(await h.count()).toBe(before + 1);
    expect(h.callsOf('CreateResource')).toBe(1);
    expect(h.callsOf('ListResourceRequests')).toBe(1);
  });

  it('lists the requests it resumed as resumed, after they finish too, and no others', async () => {
    const sent = await h.service.create({ ...target, desiredState: image('listed-resumed') });
    await restart();
    h.advance(2 * step);
    await h.service.resume();
    await h.service.settled(sent.id);
    const later = await h.service.create({ ...target, desiredState: image('listed-later') });
    const listed = await h.service.list();
    expect(listed.find((r) => r.id === sent.id)).toMatchObject({
      status: 'SUCCESS',
      resumed: true,
    });
    expect(listed.find((r) => r.id === later.id)?.resumed).toBeUndefined();
    // A mark for this run's windows only: the journal never stores it.
    expect((await journaled()).some((r) => 'resumed' in r)).toBe(false);
    // Nothing left in flight for the next restart to pick up.
    h.advance(2 * step);
    await h.service.settled(later.id);
  });

  it('sends a journaled request AWS never received, exactly once', async () => {
    const before = await h.count();
    const entry = unsent({ desiredState: image('never-sent') });
    await h.journal.put(entry);
    await restart();
    await h.service.resume();
    h.advance(2 * step);
    expect(await h.service.settled(entry.id)).toMatchObject({
      status: 'SUCCESS',
      requestToken: expect.any(String) as string,
    });
    expect(await h.count()).toBe(before + 1);
    expect(h.callsOf('CreateResource')).toBe(1);
  });

  it('re-sends with the same ClientToken when AWS did receive it: the original request, one resource', async () => {
    const before = await h.count();
    const entry = unsent({ desiredState: image('sent-before-crash') });
    await h.journal.put(entry);
    // The app reached AWS, then died before writing the RequestToken down.
    const { ProgressEvent: original } = await (
      await cloudControl()
    ).send(
      new CreateResourceCommand({
        TypeName: IMAGE,
        DesiredState: JSON.stringify(entry.desiredState),
        ClientToken: entry.id,
      }),
    );
    await restart();
    await h.service.resume();
    h.advance(2 * step);
    expect(await h.service.settled(entry.id)).toMatchObject({
      status: 'SUCCESS',
      requestToken: original?.RequestToken,
    });
    expect(await h.count()).toBe(before + 1);
  });

  it('follows the in-flight update of the same resource instead of sending another', async () => {
    const made = await h.service.create({ ...target, desiredState: image('being-updated') });
    h.advance(2 * step);
    const arn = (await h.service.settled(made.id))?.identifier ?? '';
    const patch = [{ op: 'add' as const, path: '/ImageDescription', value: 'changed' }];
    // Journaled, then sent with a token older than the ClientToken lifetime: a re-send would
    // be a new request, refused because this one is in flight.
    const entry = unsent({ operation: 'UPDATE', identifier: arn, patch });
    await h.journal.put(entry);
    const { ProgressEvent: original } = await (
      await cloudControl()
    ).send(
      new UpdateResourceCommand({
        TypeName: IMAGE,
        Identifier: arn,
        PatchDocument: JSON.stringify(patch),
        ClientToken: 'expired-client-token',
      }),
    );
    await restart();
    h.calls.length = 0;
    await h.service.resume();
    expect((await h.journal.get(entry.id))?.requestToken).toBe(original?.RequestToken);
    h.advance(2 * step);
    expect(await h.service.settled(entry.id)).toMatchObject({ status: 'SUCCESS' });
    expect(h.callsOf('UpdateResource')).toBe(0);
  });

  it('does not re-send for a profile marked read-only since', async () => {
    const entry = unsent({ desiredState: image('now-read-only') });
    await h.journal.put(entry);
    await h.settings.update({ profiles: { [PROFILE]: { readOnly: true } } });
    await restart();
    await h.service.resume();
    expect(await h.service.settled(entry.id)).toMatchObject({
      status: 'FAILED',
      errorCode: 'ReadOnlyProfile',
      statusMessage: expect.stringMatching(
        /^Not sent again: Profile Sandbox is read-only/,
      ) as string,
    });
    expect(h.callsOf('CreateResource')).toBe(0);
  });

  it('leaves nothing running after close', async () => {
    const sent = await h.service.create({ ...target, desiredState: image('left-behind') });
    await h.service.close();
    const calls = h.calls.length;
    h.advance(2 * step);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(h.calls.length).toBe(calls);
    await expect(
      h.service.create({ ...target, desiredState: image('after-close') }),
    ).rejects.toMatchObject({ code: 'Unavailable' });
    // Still unfinished in the journal, for the next start.
    expect((await journaled()).find((r) => r.id === sent.id)?.status).toBe('PENDING');
    h.restart();
  });
});
