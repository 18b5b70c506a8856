import { describe, expect, it } from 'vitest';
import { fakeType } from '../test-support/fake-catalog';
import type { Operation, ResourceRequest } from './lifecycle';
import { AccountState, ResourceStore } from './state';

const type = fakeType({
  typeName: 'AWS::Test::Thing',
  properties: [],
  primaryIdentifier: ['Name'],
});

function req(
  state: AccountState,
  operation: Operation,
  identifier: string,
  submittedAt: number,
  stepMs = 100,
): ResourceRequest {
  return {
    token: `t${state.nextSeq()}`,
    seq: state.nextSeq(),
    region: 'r',
    scope: 'r',
    type,
    operation,
    identifier,
    submittedAt,
    stepMs,
    fingerprint: '',
    ...(operation === 'DELETE' ? {} : { model: { Name: identifier, At: submittedAt } }),
  };
}

describe('ResourceStore', () => {
  it('keeps insertion order and a replaced resource keeps its place', () => {
    const store = new ResourceStore();
    store.put('r', 'T', 'a', { v: 1 });
    store.put('r', 'T', 'b', { v: 2 });
    store.put('r', 'T', 'a', { v: 3 });
    expect(store.entries('r', 'T')).toEqual([
      ['a', { v: 3 }],
      ['b', { v: 2 }],
    ]);
    expect(store.entries('other', 'T')).toEqual([]);
    expect(store.delete('r', 'T', 'a')).toBe(true);
    expect(store.delete('r', 'T', 'a')).toBe(false);
  });
});

describe('AccountState.settle', () => {
  it('applies due requests in completion order, not submission order', () => {
    const state = new AccountState('123456789012');
    const slowCreate = req(state, 'CREATE', 'x', 0, 500);
    const fastDelete = req(state, 'DELETE', 'x', 10, 100);
    state.submit(slowCreate, 'k1');
    state.submit(fastDelete, 'k2');
    state.settle(2000);
    // The delete finished first (at 210), when x did not exist yet; the create then made it.
    expect(fastDelete.outcome).toMatchObject({ status: 'FAILED', errorCode: 'NotFound' });
    expect(slowCreate.outcome?.status).toBe('SUCCESS');
    expect(state.store.get('r', type.typeName, 'x')).toBeDefined();
  });

  it('settles nothing before its time', () => {
    const state = new AccountState('123456789012');
    const create = req(state, 'CREATE', 'y', 0);
    state.submit(create, 'k');
    state.settle(199);
    expect(create.outcome).toBeUndefined();
    expect(state.inFlight('r', type.typeName, 'y', 199)).toBe(create);
    state.settle(200);
    expect(create.outcome?.status).toBe('SUCCESS');
    expect(state.inFlight('r', type.typeName, 'y', 200)).toBeUndefined();
  });

  it('a cancelled request never takes effect', () => {
    const state = new AccountState('123456789012');
    const create = req(state, 'CREATE', 'z', 0);
    state.submit(create, 'k');
    state.cancel(create, 50);
    expect(state.inFlight('r', type.typeName, 'z', 100)).toBe(create);
    state.settle(10_000);
    expect(create.outcome).toBeUndefined();
    expect(state.store.get('r', type.typeName, 'z')).toBeUndefined();
    expect(state.inFlight('r', type.typeName, 'z', 10_000)).toBeUndefined();
  });

  it('numbers model package versions per region and group, case-insensitively', () => {
    const state = new AccountState('123456789012');
    expect(state.nextModelPackageVersion('us-east-1', 'Churn')).toBe(1);
    expect(state.nextModelPackageVersion('us-east-1', 'churn')).toBe(2);
    expect(state.nextModelPackageVersion('eu-west-1', 'churn')).toBe(1);
  });

  it('forgets ClientTokens after 36 hours and requests after 7 days', () => {
    const state = new AccountState('123456789012');
    const create = req(state, 'CREATE', 'w', 0);
    state.submit(create, 'r\nclient');
    expect(state.byClientToken('r\nclient', 36 * 3600_000)).toBe(create);
    expect(state.byClientToken('r\nclient', 36 * 3600_000 + 1)).toBeUndefined();
    expect(state.request(create.token, 7 * 24 * 3600_000)).toBe(create);
    expect(state.request(create.token, 7 * 24 * 3600_000 + 1)).toBeUndefined();
  });
});
