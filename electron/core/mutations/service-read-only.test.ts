import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IMAGE,
  PROFILE,
  REGION,
  image,
  startMutationHarness,
  type MutationHarness,
} from './test-support/harness';

let h: MutationHarness;
beforeAll(async () => {
  h = await startMutationHarness();
});
afterAll(async () => {
  await h.close();
});

const refusal = {
  code: 'ReadOnlyProfile',
  message: `Profile ${PROFILE} is read-only in Cloudshelf, so nothing was changed.`,
  hint: 'Clear "Read-only" for this profile in Settings to create, update or delete resources.',
};

describe('a read-only profile', () => {
  it('refuses every create, update, delete and retry before anything reaches AWS', async () => {
    const arn = `arn:aws:sagemaker:${REGION}:123456789012:image/kept`;
    const failed = {
      id: randomUUID(),
      requestToken: 'earlier-token',
      profile: PROFILE,
      region: REGION,
      typeName: IMAGE,
      operation: 'CREATE' as const,
      identifier: null,
      status: 'FAILED' as const,
      statusMessage: 'Handler had a bad day',
      errorCode: 'GeneralServiceException',
      desiredState: image('kept'),
      patch: null,
      startedAt: 1,
      updatedAt: 2,
      finishedAt: 2,
    };
    await h.journal.put(failed);
    const before = await h.count();
    await h.settings.update({ profiles: { [PROFILE]: { readOnly: true } } });
    h.calls.length = 0;
    const target = { profile: PROFILE, region: REGION, typeName: IMAGE };

    await expect(
      h.service.create({ ...target, desiredState: image('refused') }),
    ).rejects.toMatchObject(refusal);
    await expect(
      h.service.update({
        ...target,
        identifier: arn,
        patch: [{ op: 'add', path: '/ImageDescription', value: 'x' }],
      }),
    ).rejects.toMatchObject(refusal);
    await expect(
      h.service.delete({
        profile: PROFILE,
        typeName: IMAGE,
        items: [{ region: REGION, identifier: arn }],
      }),
    ).rejects.toMatchObject(refusal);
    await expect(h.service.retry(failed.id)).rejects.toMatchObject(refusal);

    // Not one call reached the sandbox, nothing was journaled, nothing changed there.
    expect(h.calls).toEqual([]);
    expect((await h.service.list()).map((r) => r.id)).toEqual([failed.id]);
    expect(h.events).toEqual([]);
    expect(await h.count()).toBe(before);
  });

  it('takes effect again once the flag is cleared, and never held back other profiles', async () => {
    await h.settings.update({ profiles: { [PROFILE]: { readOnly: true } } });
    // The test sessions send every profile to the same sandbox account.
    const other = await h.service.create({
      profile: 'dev',
      region: REGION,
      typeName: IMAGE,
      desiredState: image('from-dev'),
    });
    expect((await h.service.settled(other.id))?.status).toBe('SUCCESS');
    await h.settings.update({ profiles: { [PROFILE]: { readOnly: false } } });
    const sent = await h.service.create({
      profile: PROFILE,
      region: REGION,
      typeName: IMAGE,
      desiredState: image('allowed-again'),
    });
    expect((await h.service.settled(sent.id))?.status).toBe('SUCCESS');
  });
});
