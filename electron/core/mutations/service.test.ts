import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetResourceCommand } from '@aws-sdk/client-cloudcontrol';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RequestStatus, TrackedRequest } from '../../../shared/contract';
import {
  IMAGE,
  PROFILE,
  REGION,
  image,
  startMutationHarness,
  type MutationHarness,
} from './test-support/harness';

// Create, update and delete against the sandbox over real HTTP, with 20 ms lifecycle steps.
let h: MutationHarness;
beforeAll(async () => {
  h = await startMutationHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.sandbox.faults.reset();
  h.events.length = 0;
  h.calls.length = 0;
});

const target = { profile: PROFILE, region: REGION, typeName: IMAGE };
const order: Record<RequestStatus, number> = {
  PENDING: 0,
  IN_PROGRESS: 1,
  CANCEL_IN_PROGRESS: 2,
  SUCCESS: 3,
  FAILED: 3,
  CANCEL_COMPLETE: 3,
};

const eventsOf = (id: string): TrackedRequest[] => h.events.filter((e) => e.id === id);

async function created(name: string): Promise<string> {
  const sent = await h.service.create({ ...target, desiredState: image(name) });
  const done = await h.service.settled(sent.id);
  expect(done?.status).toBe('SUCCESS');
  return done?.identifier ?? '';
}

describe('create', () => {
  it('answers once accepted, then tracks to SUCCESS with the identifier, in order, on disk', async () => {
    const sent = await h.service.create({ ...target, desiredState: image('first-image') });
    expect(sent).toMatchObject({
      status: 'PENDING',
      operation: 'CREATE',
      requestToken: expect.any(String) as string,
      desiredState: image('first-image'),
      identifier: null,
    });
    // The id is a UUID: Cloudshelf's id and the ClientToken it sent.
    expect(sent.id).toMatch(/^[0-9a-f-]{36}$/);

    const done = await h.service.settled(sent.id);
    expect(done).toMatchObject({
      id: sent.id,
      status: 'SUCCESS',
      identifier: expect.stringMatching(
        /^arn:aws:sagemaker:eu-west-1:\d{12}:image\/first-image$/,
      ) as string,
      errorCode: null,
      finishedAt: expect.any(Number) as number,
    });

    const statuses = eventsOf(sent.id).map((e) => e.status);
    expect(statuses[0]).toBe('PENDING');
    expect(statuses.at(-1)).toBe('SUCCESS');
    for (let i = 1; i < statuses.length; i++) {
      expect(order[statuses[i] ?? 'PENDING']).toBeGreaterThan(order[statuses[i - 1] ?? 'PENDING']);
    }
    expect(eventsOf(sent.id).at(-1)).toEqual(done);

    const onDisk = JSON.parse(await readFile(join(h.dataDir, 'requests.json'), 'utf8')) as {
      requests: TrackedRequest[];
    };
    expect(onDisk.requests.find((r) => r.id === sent.id)).toEqual(done);
    expect((await h.service.list())[0]?.id).toBe(sent.id);
  });

  it('ends FAILED with the handler’s StatusMessage and ErrorCode when the create fails', async () => {
    h.sandbox.faults.set({
      failCreates: [
        {
          typeName: IMAGE,
          errorCode: 'ServiceLimitExceeded',
          message: 'Limit of 5 images reached',
        },
      ],
    });
    const sent = await h.service.create({ ...target, desiredState: image('doomed-image') });
    expect(await h.service.settled(sent.id)).toMatchObject({
      status: 'FAILED',
      errorCode: 'ServiceLimitExceeded',
      statusMessage: 'Limit of 5 images reached',
    });
  });

  it('refuses an invalid DesiredState at once with AWS’s validation text, journaling nothing', async () => {
    const before = (await h.service.list()).length;
    const attempt = h.service.create({
      ...target,
      desiredState: { ImageName: 'no role', Colour: 'blue' },
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'InvalidArguments',
      message: expect.stringContaining(
        'Model validation failed (#: required key [ImageRoleArn] not found\n#/ImageName: failed validation constraint for keyword [pattern]\n#: extraneous key [Colour] is not permitted)',
      ) as string,
      hint: expect.stringMatching(/Correct the properties/) as string,
    });
    expect(await h.service.list()).toHaveLength(before);
    expect(h.events).toEqual([]);
  });

  it('keeps sending an unconfirmed create with the same ClientToken until AWS answers: one resource', async () => {
    const before = await h.count();
    h.sandbox.faults.set({ serverErrorRate: 1 });
    const sent = await h.service.create({ ...target, desiredState: image('flaky-image') });
    expect(sent).toMatchObject({ status: 'PENDING', requestToken: null });
    expect(sent.statusMessage).toMatch(/same client token/);
    h.sandbox.faults.reset();
    expect(await h.service.settled(sent.id)).toMatchObject({ status: 'SUCCESS' });
    expect(await h.count()).toBe(before + 1);
  });
});

describe('update', () => {
  it('sends the patch and tracks it to SUCCESS; GetResource shows the change', async () => {
    const arn = await created('patched-image');
    const sent = await h.service.update({
      ...target,
      identifier: arn,
      patch: [{ op: 'add', path: '/ImageDisplayName', value: 'Patched at last' }],
    });
    expect(sent).toMatchObject({ operation: 'UPDATE', identifier: arn, desiredState: null });
    expect(await h.service.settled(sent.id)).toMatchObject({ status: 'SUCCESS' });
    const { cloudControl } = await h.sessions.clients(PROFILE, REGION);
    const read = await cloudControl.send(
      new GetResourceCommand({ TypeName: IMAGE, Identifier: arn }),
    );
    expect(JSON.parse(read.ResourceDescription?.Properties ?? '{}')).toMatchObject({
      ImageName: 'patched-image',
      ImageDisplayName: 'Patched at last',
    });
  });

  it('refuses a patch of a create-only property with AWS’s words and a hint', async () => {
    const arn = await created('fixed-name-image');
    await expect(
      h.service.update({
        ...target,
        identifier: arn,
        patch: [{ op: 'replace', path: '/ImageName', value: 'renamed' }],
      }),
    ).rejects.toMatchObject({
      code: 'InvalidArguments',
      message: expect.stringContaining('createOnlyProperties [/properties/ImageName]') as string,
      hint: expect.stringMatching(/Create-only properties/) as string,
    });
  });

  it('refuses an update of a missing resource as NotFound', async () => {
    await expect(
      h.service.update({
        ...target,
        identifier: 'arn:aws:sagemaker:eu-west-1:123456789012:image/nope',
        patch: [{ op: 'add', path: '/ImageDisplayName', value: 'x' }],
      }),
    ).rejects.toMatchObject({ code: 'NotFound' });
  });
});

describe('bulk delete', () => {
  it('answers per item; the missing one ends FAILED NotFound and the others SUCCESS', async () => {
    const a = await created('delete-me-a');
    const b = await created('delete-me-b');
    const missing = 'arn:aws:sagemaker:eu-west-1:123456789012:image/never-was';
    const before = await h.count();
    const results = await h.service.delete({
      profile: PROFILE,
      typeName: IMAGE,
      items: [a, missing, b].map((identifier) => ({ region: REGION, identifier })),
    });
    expect(results.map((r) => [r.identifier, r.error])).toEqual([
      [a, null],
      [missing, null],
      [b, null],
    ]);
    const finals = await Promise.all(results.map((r) => h.service.settled(r.request?.id ?? '')));
    expect(finals.map((r) => [r?.identifier, r?.status, r?.errorCode])).toEqual([
      [a, 'SUCCESS', null],
      [missing, 'FAILED', 'NotFound'],
      [b, 'SUCCESS', null],
    ]);
    expect(await h.count()).toBe(before - 2);
  });

  it('reports an item AWS refuses at once without stopping the others', async () => {
    const a = await created('delete-me-c');
    const results = await h.service.delete({
      profile: PROFILE,
      typeName: IMAGE,
      items: [
        { region: REGION, identifier: '{"ImageRoleArn":"not an identifier"}' },
        { region: REGION, identifier: a },
      ],
    });
    expect(results[0]).toMatchObject({ request: null, error: { code: 'InvalidArguments' } });
    expect(results[1]?.error).toBeNull();
    expect((await h.service.settled(results[1]?.request?.id ?? ''))?.status).toBe('SUCCESS');
  });
});
