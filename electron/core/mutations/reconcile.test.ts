import type { ProgressEvent } from '@aws-sdk/client-cloudcontrol';
import { describe, expect, it } from 'vitest';
import type { TrackedRequest } from '../../../shared/contract';
import { adoptableRequest, groupUnfinished } from './reconcile';

const start = Date.parse('2026-11-23T10:00:00Z');

function entry(extra: Partial<TrackedRequest>): TrackedRequest {
  return {
    id: 'id',
    requestToken: null,
    profile: 'dev',
    region: 'eu-west-1',
    typeName: 'AWS::SageMaker::Image',
    operation: 'UPDATE',
    identifier: 'arn:image/a',
    status: 'PENDING',
    statusMessage: null,
    errorCode: null,
    desiredState: null,
    patch: [{ op: 'add', path: '/ImageDisplayName', value: 'x' }],
    startedAt: start,
    updatedAt: start,
    finishedAt: null,
    ...extra,
  };
}

const inFlight = (extra: Partial<ProgressEvent>): ProgressEvent => ({
  RequestToken: 'tok-1',
  TypeName: 'AWS::SageMaker::Image',
  Operation: 'UPDATE',
  Identifier: 'arn:image/a',
  OperationStatus: 'IN_PROGRESS',
  EventTime: new Date(start + 1000),
  ...extra,
});

describe('groupUnfinished', () => {
  it('groups unfinished requests by profile and region, skipping finished ones', () => {
    const groups = groupUnfinished([
      entry({ id: '1' }),
      entry({ id: '2', region: 'us-east-1' }),
      entry({ id: '3' }),
      entry({ id: '4', status: 'SUCCESS' }),
    ]);
    expect(groups.map((g) => [g.region, g.requests.map((r) => r.id)])).toEqual([
      ['eu-west-1', ['1', '3']],
      ['us-east-1', ['2']],
    ]);
  });
});

describe('adoptableRequest', () => {
  it('matches the in-flight request on the same resource that began after journaling', () => {
    expect(adoptableRequest(entry({}), [inFlight({})], new Set())?.RequestToken).toBe('tok-1');
  });

  it('does not match another resource, operation or type, a claimed token, or an older request', () => {
    const claimed = new Set(['tok-1']);
    expect(adoptableRequest(entry({}), [inFlight({})], claimed)).toBeUndefined();
    for (const other of [
      { Identifier: 'arn:image/b' },
      { Operation: 'DELETE' as const },
      { TypeName: 'AWS::EC2::VPC' },
      { EventTime: new Date(start - 3_600_000) },
    ]) {
      expect(adoptableRequest(entry({}), [inFlight(other)], new Set())).toBeUndefined();
    }
  });

  it('never adopts for a create, or for a request that already has a token', () => {
    expect(
      adoptableRequest(entry({ operation: 'CREATE', identifier: null }), [inFlight({})], new Set()),
    ).toBeUndefined();
    expect(
      adoptableRequest(entry({ requestToken: 'mine' }), [inFlight({})], new Set()),
    ).toBeUndefined();
  });
});
