import { describe, expect, it } from 'vitest';
import type { TrackedRequest } from '../../../shared/contract';
import { applyProgress, isFinished, withChange } from './progress';

const base: TrackedRequest = {
  id: 'id-1',
  requestToken: null,
  profile: 'dev',
  region: 'eu-west-1',
  typeName: 'AWS::SageMaker::Image',
  operation: 'CREATE',
  identifier: null,
  status: 'PENDING',
  statusMessage: null,
  errorCode: null,
  desiredState: { ImageName: 'x' },
  patch: null,
  startedAt: 1000,
  updatedAt: 1000,
  finishedAt: null,
};

describe('applyProgress', () => {
  it('takes the token, status and (once known) identifier from an event', () => {
    const accepted = applyProgress(
      base,
      { RequestToken: 'tok', OperationStatus: 'PENDING', Operation: 'CREATE' },
      2000,
    );
    expect(accepted).toMatchObject({ requestToken: 'tok', status: 'PENDING', updatedAt: 2000 });
    const done = applyProgress(
      accepted,
      { RequestToken: 'tok', OperationStatus: 'SUCCESS', Identifier: 'arn:x' },
      3000,
    );
    expect(done).toMatchObject({ status: 'SUCCESS', identifier: 'arn:x', finishedAt: 3000 });
  });

  it('keeps nothing of the ResourceModel, which can echo write-only values sent', () => {
    const done = applyProgress(
      { ...base, requestToken: 'tok' },
      {
        RequestToken: 'tok',
        OperationStatus: 'SUCCESS',
        Identifier: 'x',
        ResourceModel: JSON.stringify({ ImageName: 'x', Password: 'echoed-secret' }),
      },
      2000,
    );
    expect(JSON.stringify(done)).not.toContain('echoed-secret');
  });

  it('answers the same object when nothing visible changed', () => {
    const accepted = applyProgress(base, { RequestToken: 'tok', OperationStatus: 'PENDING' }, 2);
    expect(applyProgress(accepted, { RequestToken: 'tok', OperationStatus: 'PENDING' }, 3)).toBe(
      accepted,
    );
  });

  it('keeps a FAILED event’s message and error code', () => {
    const failed = applyProgress(
      { ...base, requestToken: 'tok' },
      { OperationStatus: 'FAILED', ErrorCode: 'AlreadyExists', StatusMessage: 'exists' },
      5,
    );
    expect(failed).toMatchObject({
      status: 'FAILED',
      errorCode: 'AlreadyExists',
      statusMessage: 'exists',
      finishedAt: 5,
    });
  });

  it('never moves a request backwards or changes a finished one', () => {
    const cancelling = { ...base, requestToken: 'tok', status: 'CANCEL_IN_PROGRESS' as const };
    // A poll answered before the cancel arrives late.
    expect(applyProgress(cancelling, { OperationStatus: 'IN_PROGRESS' }, 9)).toBe(cancelling);
    const done = { ...base, status: 'SUCCESS' as const, finishedAt: 4 };
    expect(applyProgress(done, { OperationStatus: 'FAILED' }, 9)).toBe(done);
  });

  it('ignores a status it does not know', () => {
    expect(applyProgress(base, { OperationStatus: 'WEIRD' as never }, 9)).toBe(base);
  });
});

describe('withChange', () => {
  it('stamps updatedAt and finishedAt only on a real change', () => {
    expect(withChange(base, { statusMessage: null }, 9)).toBe(base);
    expect(withChange(base, { status: 'FAILED', errorCode: 'X' }, 9)).toMatchObject({
      updatedAt: 9,
      finishedAt: 9,
    });
  });

  it('knows the finished statuses', () => {
    expect(['SUCCESS', 'FAILED', 'CANCEL_COMPLETE'].every((s) => isFinished(s as never))).toBe(
      true,
    );
    expect(
      ['PENDING', 'IN_PROGRESS', 'CANCEL_IN_PROGRESS'].some((s) => isFinished(s as never)),
    ).toBe(false);
  });
});
