import { describe, expect, it } from 'vitest';
import { fakeType } from '../test-support/fake-catalog';
import { phaseAt, progressEventAt, toEpochSeconds, type ResourceRequest } from './lifecycle';

const type = fakeType({
  typeName: 'AWS::Test::Thing',
  properties: [],
  primaryIdentifier: ['Name'],
  writeOnly: ['Secret'],
});
const t0 = 1_800_000_000_000;

function request(overrides: Partial<ResourceRequest> = {}): ResourceRequest {
  return {
    token: 'tok',
    seq: 1,
    region: 'eu-west-1',
    scope: 'eu-west-1',
    type,
    operation: 'CREATE',
    identifier: 'thing',
    submittedAt: t0,
    stepMs: 100,
    fingerprint: '',
    ...overrides,
  };
}

describe('phaseAt', () => {
  it('is PENDING for one step, IN_PROGRESS for the next, then the settled outcome', () => {
    const r = request();
    expect(phaseAt(r, t0)).toEqual({ status: 'PENDING', since: t0, next: t0 + 100 });
    expect(phaseAt(r, t0 + 99).status).toBe('PENDING');
    expect(phaseAt(r, t0 + 100)).toEqual({
      status: 'IN_PROGRESS',
      since: t0 + 100,
      next: t0 + 200,
    });
    r.outcome = { status: 'SUCCESS', model: { Name: 'thing' } };
    expect(phaseAt(r, t0 + 200)).toEqual({ status: 'SUCCESS', since: t0 + 200 });
  });

  it('stays IN_PROGRESS past its end while not settled', () => {
    expect(phaseAt(request(), t0 + 500)).toEqual({
      status: 'IN_PROGRESS',
      since: t0 + 100,
      next: t0 + 500,
    });
  });

  it('turns a cancel into CANCEL_IN_PROGRESS for one step, then CANCEL_COMPLETE', () => {
    const r = request({ cancelRequestedAt: t0 + 50 });
    expect(phaseAt(r, t0 + 60)).toEqual({
      status: 'CANCEL_IN_PROGRESS',
      since: t0 + 50,
      next: t0 + 150,
    });
    expect(phaseAt(r, t0 + 150)).toEqual({ status: 'CANCEL_COMPLETE', since: t0 + 150 });
  });
});

describe('progressEventAt', () => {
  it('hides a create identifier until it finishes, shows the readable model on success', () => {
    const r = request();
    expect(progressEventAt(r, t0)).toEqual({
      TypeName: 'AWS::Test::Thing',
      RequestToken: 'tok',
      Operation: 'CREATE',
      OperationStatus: 'PENDING',
      EventTime: toEpochSeconds(t0),
      RetryAfter: toEpochSeconds(t0 + 100),
    });
    r.outcome = { status: 'SUCCESS', model: { Name: 'thing', Secret: 's' } };
    expect(progressEventAt(r, t0 + 200)).toEqual({
      TypeName: 'AWS::Test::Thing',
      Identifier: 'thing',
      RequestToken: 'tok',
      Operation: 'CREATE',
      OperationStatus: 'SUCCESS',
      EventTime: toEpochSeconds(t0 + 200),
      ResourceModel: '{"Name":"thing"}',
    });
  });

  it('shows the error code and message of a failure, and the identifier of an update at once', () => {
    const r = request({ operation: 'UPDATE' });
    expect(progressEventAt(r, t0).Identifier).toBe('thing');
    r.outcome = { status: 'FAILED', errorCode: 'NotFound', message: 'gone' };
    expect(progressEventAt(r, t0 + 300)).toMatchObject({
      OperationStatus: 'FAILED',
      ErrorCode: 'NotFound',
      StatusMessage: 'gone',
    });
    expect(progressEventAt(r, t0 + 300).ResourceModel).toBeUndefined();
  });

  it('writes times as epoch seconds with milliseconds', () => {
    expect(toEpochSeconds(1_800_000_000_123)).toBe(1_800_000_000.123);
  });
});
