import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  calls,
  type CallName,
  type CallOutcome,
  type TrackedRequest,
} from '../../../shared/contract';
import {
  IMAGE,
  PROFILE,
  REGION,
  image,
  startMutationHarness,
  type MutationHarness,
} from '../../core/mutations/test-support/harness';
import { dispatch, type HandlerTable } from '../dispatch';
import { createResourceHandlers } from './resources';

// The six calls through dispatch (contract validation included) to a mutation service on
// an in-process sandbox.
let h: MutationHarness;
let handlers: HandlerTable;
const context = { host: 'cli' } as const;

beforeAll(async () => {
  h = await startMutationHarness();
  // Only the resource and request calls are exercised; the rest of the table is not needed.
  handlers = createResourceHandlers({ mutations: h.service }) as HandlerTable;
});
afterAll(async () => {
  await h.close();
});

/** Calls through dispatch; a successful answer must also match the contract's result. */
async function call(name: CallName, args: unknown): Promise<CallOutcome> {
  const outcome = await dispatch(handlers, name, args, context);
  if (outcome.ok) calls[name].result.parse(outcome.value);
  return outcome;
}

function value(outcome: CallOutcome): unknown {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value;
}

const target = { profile: PROFILE, region: REGION, typeName: IMAGE };

describe('resource and request calls', () => {
  it('create, update, list and delete', async () => {
    const created = value(
      await call('resources.create', { ...target, desiredState: image('via-dispatch') }),
    ) as TrackedRequest;
    const arn = (await h.service.settled(created.id))?.identifier ?? '';
    expect(arn).toMatch(/image\/via-dispatch$/);

    const updated = value(
      await call('resources.update', {
        ...target,
        identifier: arn,
        patch: [{ op: 'add', path: '/ImageDescription', value: 'Described' }],
      }),
    ) as TrackedRequest;
    expect((await h.service.settled(updated.id))?.status).toBe('SUCCESS');

    const { requests } = value(await call('requests.list', {})) as { requests: TrackedRequest[] };
    expect(requests.slice(0, 2).map((r) => r.id)).toEqual([updated.id, created.id]);

    const { results } = value(
      await call('resources.delete', {
        profile: PROFILE,
        typeName: IMAGE,
        items: [{ region: REGION, identifier: arn }],
      }),
    ) as { results: { request: TrackedRequest | null }[] };
    expect(results).toHaveLength(1);
    expect((await h.service.settled(results[0]?.request?.id ?? ''))?.status).toBe('SUCCESS');
  });

  it('refuses arguments the contract does not allow before the service sees them', async () => {
    const outcome = await call('resources.update', {
      ...target,
      identifier: 'x',
      patch: [{ op: 'frobnicate', path: '/A' }],
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'InvalidArguments' } });
    const empty = await call('resources.delete', { profile: PROFILE, typeName: IMAGE, items: [] });
    expect(empty).toMatchObject({ ok: false, error: { code: 'InvalidArguments' } });
  });

  it('answers AWS’s refusal as a typed error with a hint', async () => {
    const outcome = await call('resources.create', { ...target, desiredState: { ImageName: 'x' } });
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'InvalidArguments',
        message: expect.stringContaining('required key [ImageRoleArn] not found') as string,
        hint: expect.any(String) as string,
      },
    });
  });

  it('refuses a read-only profile with ReadOnlyProfile', async () => {
    await h.settings.update({ profiles: { [PROFILE]: { readOnly: true } } });
    const outcome = await call('resources.create', { ...target, desiredState: image('nope') });
    await h.settings.update({ profiles: { [PROFILE]: { readOnly: false } } });
    expect(outcome).toEqual({
      ok: false,
      error: {
        code: 'ReadOnlyProfile',
        message: `Profile ${PROFILE} is read-only in Cloudshelf, so nothing was changed.`,
        hint: 'Clear "Read-only" for this profile in Settings to create, update or delete resources.',
      },
    });
  });

  it('cancel and retry answer NotFound for an unknown id', async () => {
    for (const name of ['requests.cancel', 'requests.retry'] as const) {
      expect(await call(name, { id: 'unknown' })).toMatchObject({
        ok: false,
        error: { code: 'NotFound' },
      });
    }
  });

  it('retries a failed request through requests.retry', async () => {
    h.sandbox.faults.set({ failCreates: [{ message: 'Not today' }] });
    const failed = value(
      await call('resources.create', { ...target, desiredState: image('retried-by-call') }),
    ) as TrackedRequest;
    expect((await h.service.settled(failed.id))?.status).toBe('FAILED');
    h.sandbox.faults.reset();
    const again = value(await call('requests.retry', { id: failed.id })) as TrackedRequest;
    expect((await h.service.settled(again.id))?.status).toBe('SUCCESS');
    // Cancelling what has finished says so.
    expect(await call('requests.cancel', { id: again.id })).toMatchObject({
      ok: false,
      error: { code: 'InvalidArguments' },
    });
  });
});
