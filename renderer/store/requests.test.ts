import { describe, expect, it, vi } from 'vitest';
import {
  CloudshelfError,
  REDACTED,
  type InventoryRow,
  type TrackedRequest,
} from '../../shared/contract';
import { createGridIndex } from '../grid';
import type { GridColumn } from '../grid/types';
import { followRequests } from './follow-requests';
import { createInventoryStore } from './inventory';
import { createRequestsStore, canCancel, canRetry } from './requests';
import { fakeApi, settle, type Answers } from './test-api';

const base: TrackedRequest = {
  id: 'r1',
  requestToken: 't1',
  profile: 'Sandbox',
  region: 'us-east-1',
  typeName: 'AWS::SageMaker::Image',
  operation: 'CREATE',
  identifier: null,
  status: 'PENDING',
  statusMessage: null,
  errorCode: null,
  desiredState: { ImageName: 'a' },
  patch: null,
  startedAt: 1_000,
  updatedAt: 1_000,
  finishedAt: null,
};

const request = (patch: Partial<TrackedRequest>): TrackedRequest => ({ ...base, ...patch });

function started(answers: Answers = {}) {
  const fake = fakeApi({ 'requests.list': () => ({ requests: [] }), ...answers });
  const store = createRequestsStore(fake.api);
  const stop = store.getState().start();
  return { fake, store, stop };
}

describe('requests store', () => {
  it('lists the journal at start, newest first', async () => {
    const { store } = started({
      'requests.list': () => ({
        requests: [request({ id: 'old', startedAt: 1 }), request({ id: 'new', startedAt: 5 })],
      }),
    });
    await settle();
    expect(store.getState().loaded).toBe(true);
    expect(store.getState().requests.map((r) => r.id)).toEqual(['new', 'old']);
  });

  it('opens the panel when the journal holds requests still in flight, not for finished ones', async () => {
    const done = started({
      'requests.list': () => ({ requests: [request({ id: 'old', status: 'SUCCESS' })] }),
    });
    await settle();
    expect(done.store.getState().panelOpen).toBe(false);
    const resumed = started({
      'requests.list': () => ({
        requests: [
          request({ id: 'old', status: 'SUCCESS' }),
          request({ id: 'mid', status: 'IN_PROGRESS' }),
        ],
      }),
    });
    await settle();
    expect(resumed.store.getState().panelOpen).toBe(true);
  });

  it('opens the panel for a request the host resumed, even if it finished before the window opened', async () => {
    const { store } = started({
      'requests.list': () => ({
        requests: [request({ id: 'resumed', status: 'SUCCESS', resumed: true })],
      }),
    });
    await settle();
    expect(store.getState().panelOpen).toBe(true);
  });

  it('upserts changes by id and ignores older news', async () => {
    const { fake, store } = started();
    await settle();
    store.getState().track(request({}));
    fake.emit('requests.changed', request({ status: 'IN_PROGRESS', updatedAt: 2_000 }));
    fake.emit('requests.changed', request({ status: 'PENDING', updatedAt: 1_500 }));
    expect(store.getState().requests).toHaveLength(1);
    expect(store.getState().requests[0]?.status).toBe('IN_PROGRESS');
    fake.emit('requests.changed', request({ status: 'SUCCESS', updatedAt: 3_000 }));
    // A late in-flight event never reopens a finished request.
    fake.emit('requests.changed', request({ status: 'IN_PROGRESS', updatedAt: 3_000 }));
    expect(store.getState().requests[0]?.status).toBe('SUCCESS');
  });

  it('keeps an event that arrived before the journal', async () => {
    let answer: (value: { requests: TrackedRequest[] }) => void = () => undefined;
    const { fake, store } = started({
      'requests.list': () => new Promise((resolve) => (answer = resolve)),
    });
    fake.emit('requests.changed', request({ status: 'IN_PROGRESS', updatedAt: 2_000 }));
    answer({ requests: [request({})] });
    await settle();
    expect(store.getState().requests.map((r) => r.status)).toEqual(['IN_PROGRESS']);
  });

  it('announces each success seen live once, but not old ones from the journal', async () => {
    const { fake, store } = started({
      'requests.list': () => ({ requests: [request({ id: 'done', status: 'SUCCESS' })] }),
    });
    const seen: string[] = [];
    store.getState().onSuccess((r) => seen.push(r.id));
    await settle();
    store.getState().track(request({ id: 'live' }));
    fake.emit('requests.changed', request({ id: 'live', status: 'SUCCESS', updatedAt: 2_000 }));
    fake.emit('requests.changed', request({ id: 'live', status: 'SUCCESS', updatedAt: 2_000 }));
    expect(seen).toEqual(['live']);
  });

  it('a throwing follower does not stop the others', async () => {
    const { fake, store } = started();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const seen: string[] = [];
    store.getState().onSuccess(() => {
      throw new Error('boom');
    });
    store.getState().onSuccess((r) => seen.push(r.id));
    await settle();
    fake.emit('requests.changed', request({ status: 'SUCCESS' }));
    expect(seen).toEqual(['r1']);
    warn.mockRestore();
  });

  it('cancels and retries, keeping what the calls answer', async () => {
    const { fake, store } = started({
      'requests.cancel': ({ id }) =>
        request({ id, status: 'CANCEL_IN_PROGRESS', updatedAt: 5_000 }),
      'requests.retry': () => request({ id: 'r2', startedAt: 9_000, updatedAt: 9_000 }),
    });
    await settle();
    store.getState().track(request({ status: 'IN_PROGRESS' }));
    await store.getState().cancel('r1');
    expect(fake.argsOf('requests.cancel')).toEqual([{ id: 'r1' }]);
    expect(store.getState().requests[0]?.status).toBe('CANCEL_IN_PROGRESS');
    const again = await store.getState().retry('r1');
    expect(again?.id).toBe('r2');
    expect(store.getState().requests.map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(store.getState().busy).toEqual({});
  });

  it('keeps why a cancel failed, by request', async () => {
    const { store } = started({
      'requests.cancel': () => {
        throw new CloudshelfError('ReadOnlyProfile', 'Sandbox is read-only.', 'Change it.');
      },
    });
    await settle();
    await store.getState().cancel('r1');
    expect(store.getState().actionErrors.r1).toEqual({
      code: 'ReadOnlyProfile',
      message: 'Sandbox is read-only.',
      hint: 'Change it.',
    });
  });

  it('says when the journal could not be read', async () => {
    const { store } = started({
      'requests.list': () => {
        throw new CloudshelfError('Unavailable', 'down');
      },
    });
    await settle();
    expect(store.getState().loadError?.message).toBe('down');
  });

  it('unsubscribes on cleanup', async () => {
    const { fake, stop } = started();
    await settle();
    expect(fake.listenerCount()).toBe(1);
    stop();
    expect(fake.listenerCount()).toBe(0);
  });

  it('sends creates, updates and deletes, and tracks what was accepted', async () => {
    const { fake, store } = started({
      'resources.create': () => request({ id: 'c' }),
      'resources.update': () => request({ id: 'u', operation: 'UPDATE', startedAt: 2_000 }),
      'resources.delete': ({ items }) => ({
        results: items.map((item, i) => ({
          ...item,
          request:
            i === 0 ? request({ id: 'd', operation: 'DELETE', startedAt: 3_000, ...item }) : null,
          error: i === 0 ? null : { code: 'NotFound', message: 'gone' },
        })),
      }),
    });
    await settle();
    const target = { profile: 'Sandbox', region: 'us-east-1', typeName: base.typeName };
    await store.getState().create({ ...target, desiredState: { ImageName: 'a' } });
    await store.getState().update({
      ...target,
      identifier: 'arn:a',
      patch: [{ op: 'add', path: '/ImageDescription', value: 'x' }],
    });
    const results = await store.getState().remove({
      profile: 'Sandbox',
      typeName: base.typeName,
      items: [
        { region: 'us-east-1', identifier: 'arn:a' },
        { region: 'us-east-1', identifier: 'arn:b' },
      ],
    });
    expect(results.map((result) => result.error?.message ?? result.request?.id)).toEqual([
      'd',
      'gone',
    ]);
    expect(store.getState().requests.map((r) => r.id)).toEqual(['d', 'u', 'c']);
    expect(fake.argsOf('resources.create')).toEqual([
      { ...target, desiredState: { ImageName: 'a' } },
    ]);
  });

  it('a refused mutation rejects with the API’s error and tracks nothing', async () => {
    const { store } = started({
      'resources.create': () => {
        throw new CloudshelfError('ReadOnlyProfile', 'Profile prod is read-only.');
      },
    });
    await settle();
    await expect(
      store.getState().create({
        profile: 'prod',
        region: 'us-east-1',
        typeName: base.typeName,
        desiredState: {},
      }),
    ).rejects.toMatchObject({ code: 'ReadOnlyProfile' });
    expect(store.getState().requests).toEqual([]);
  });

  it('knows which statuses can be cancelled or retried', () => {
    expect(canCancel('IN_PROGRESS')).toBe(true);
    expect(canCancel('SUCCESS')).toBe(false);
    expect(canRetry('FAILED')).toBe(true);
    expect(canRetry('CANCEL_COMPLETE')).toBe(true);
    expect(canRetry('SUCCESS')).toBe(false);
  });
});

const column: GridColumn = {
  id: 'identifier',
  header: 'Identifier',
  kind: 'text',
  source: { field: 'identifier' },
  description: null,
  defaultVisible: true,
  defaultWidth: 200,
};

const row = (region: string, identifier: string, description = 'old'): InventoryRow => ({
  key: `111122223333/${region}/${identifier}`,
  typeName: 'AWS::SageMaker::Image',
  account: '111122223333',
  region,
  identifier,
  properties: { ImageArn: identifier, ImageDescription: description },
  readAt: 1,
});

describe('followRequests', () => {
  function setup() {
    const fake = fakeApi({ 'requests.list': () => ({ requests: [] }) });
    const requests = createRequestsStore(fake.api);
    requests.getState().start();
    const inventory = createInventoryStore(fake.api);
    const index = createGridIndex([column], { idle: null });
    index.upsert([row('us-east-1', 'arn:a'), row('us-east-1', 'arn:b'), row('eu-west-1', 'arn:a')]);
    const refresh = vi.fn(() => Promise.resolve());
    inventory.setState({
      scope: { profile: 'Sandbox', regions: ['us-east-1', 'eu-west-1'], typeName: base.typeName },
      index,
      rowsVersion: 1,
      refresh,
    });
    const stop = followRequests(requests, inventory, { refreshDelayMs: 0, now: () => 42 });
    const succeed = (patch: Partial<TrackedRequest>) => {
      fake.emit('requests.changed', request({ status: 'SUCCESS', updatedAt: 2_000, ...patch }));
    };
    return { inventory, index, refresh, succeed, stop };
  }

  it('removes a deleted resource’s row, in its region only', () => {
    const { inventory, index, succeed } = setup();
    succeed({ operation: 'DELETE', identifier: 'arn:a' });
    expect(index.size).toBe(2);
    expect(index.slotOf('111122223333/us-east-1/arn:a')).toBe(-1);
    expect(index.slotOf('111122223333/eu-west-1/arn:a')).toBeGreaterThanOrEqual(0);
    expect(inventory.getState().rowsVersion).toBe(2);
  });

  it('patches an updated resource’s row in place', () => {
    const { index, succeed } = setup();
    const slot = index.slotOf('111122223333/us-east-1/arn:b');
    succeed({
      operation: 'UPDATE',
      identifier: 'arn:b',
      patch: [{ op: 'replace', path: '/ImageDescription', value: 'new' }],
      finishedAt: 7,
    });
    expect(index.slotOf('111122223333/us-east-1/arn:b')).toBe(slot);
    expect(index.row(slot).properties.ImageDescription).toBe('new');
    expect(index.row(slot).readAt).toBe(7);
  });

  it('scans again after a create, once for a burst', async () => {
    const { refresh, succeed } = setup();
    succeed({ id: 'c1', operation: 'CREATE', identifier: 'arn:c' });
    succeed({ id: 'c2', operation: 'CREATE', identifier: 'arn:d' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('scans again when an update’s patch does not fit the row on screen', async () => {
    const { refresh, succeed } = setup();
    succeed({
      operation: 'UPDATE',
      identifier: 'arn:b',
      patch: [{ op: 'replace', path: '/Nope', value: 1 }],
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('reads the row again rather than showing a redacted write-only value in it', async () => {
    const { index, refresh, succeed } = setup();
    const slot = index.slotOf('111122223333/us-east-1/arn:b');
    succeed({
      operation: 'UPDATE',
      identifier: 'arn:b',
      patch: [{ op: 'add', path: '/ImageDescription', value: REDACTED }],
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(index.row(slot).properties.ImageDescription).not.toBe(REDACTED);
  });

  it('leaves other profiles, types and regions alone', async () => {
    const { index, refresh, succeed } = setup();
    succeed({ id: 'x1', operation: 'DELETE', identifier: 'arn:a', profile: 'prod' });
    succeed({ id: 'x2', operation: 'DELETE', identifier: 'arn:a', typeName: 'AWS::S3::Bucket' });
    succeed({ id: 'x3', operation: 'CREATE', region: 'ap-south-1' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(index.size).toBe(3);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('stops following on cleanup', async () => {
    const { refresh, succeed, stop } = setup();
    stop();
    succeed({ operation: 'CREATE' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(refresh).not.toHaveBeenCalled();
  });
});
