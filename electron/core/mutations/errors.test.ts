import { describe, expect, it } from 'vitest';
import { CloudshelfError } from '../../../shared/contract';
import {
  cancelError,
  describeMutation,
  errorCodeOf,
  mutationError,
  type MutationScope,
} from './errors';

const create: MutationScope = {
  operation: 'CREATE',
  profile: 'dev',
  typeName: 'AWS::SageMaker::Image',
  region: 'eu-west-1',
  identifier: null,
};
const update: MutationScope = { ...create, operation: 'UPDATE', identifier: 'my-image' };

function awsError(name: string, message: string, status?: number): Error {
  const error = new Error(message);
  error.name = name;
  Object.assign(error, { $metadata: status === undefined ? {} : { httpStatusCode: status } });
  return error;
}

describe('mutationError', () => {
  it('keeps AWS’s validation text, saying which property failed, and what to do', () => {
    const error = mutationError(
      awsError(
        'ValidationException',
        'Model validation failed (#: required key [ImageRoleArn] not found)',
        400,
      ),
      create,
    );
    expect(error.code).toBe('InvalidArguments');
    expect(error.message).toBe(
      'Cloud Control refused to create AWS::SageMaker::Image in eu-west-1: Model validation failed (#: required key [ImageRoleArn] not found)',
    );
    expect(error.hint).toMatch(/Correct the properties/);
  });

  it('maps the refusals a user can hit to codes and hints', () => {
    const cases: [Error, MutationScope, string, RegExp][] = [
      [
        awsError('AlreadyExistsException', 'exists', 400),
        create,
        'InvalidArguments',
        /another name/,
      ],
      [awsError('ResourceNotFoundException', 'gone', 404), update, 'NotFound', /scan again/],
      [
        awsError('NotUpdatableException', 'create-only', 400),
        update,
        'InvalidArguments',
        /Create-only/,
      ],
      [
        awsError('AccessDeniedException', 'User: x is not authorized', 400),
        update,
        'Forbidden',
        /cloudformation:UpdateResource/,
      ],
      [
        awsError('ConcurrentOperationException', 'busy', 409),
        update,
        'Unavailable',
        /Wait for that request/,
      ],
      [awsError('ThrottlingException', 'Rate exceeded', 400), create, 'Unavailable', /in a minute/],
      [awsError('ExpiredTokenException', 'expired', 400), create, 'Unauthorized', /aws sso login/],
      [awsError('ServiceInternalErrorException', 'oops', 502), create, 'Unavailable', /network/],
    ];
    for (const [error, scope, code, hint] of cases) {
      const mapped = mutationError(error, scope);
      expect(mapped.code, error.name).toBe(code);
      expect(mapped.hint, error.name).toMatch(hint);
    }
  });

  it('names the operation the type cannot do', () => {
    const mapped = mutationError(awsError('UnsupportedActionException', 'no', 405), {
      ...update,
      operation: 'DELETE',
    });
    expect(mapped.message).toBe(
      'AWS::SageMaker::Image cannot be deleted through Cloud Control (its resource handler has no delete operation).',
    );
  });

  it('passes Cloudshelf’s own errors (e.g. credentials) through unchanged', () => {
    const own = new CloudshelfError('Unauthorized', 'sign in', 'run aws sso login');
    expect(mutationError(own, create)).toBe(own);
    expect(errorCodeOf(own)).toBe('Unauthorized');
    expect(errorCodeOf(awsError('ValidationException', 'x', 400))).toBe('ValidationException');
  });

  it('describes what was being changed', () => {
    expect(describeMutation(update)).toBe('update AWS::SageMaker::Image my-image in eu-west-1');
  });
});

describe('cancelError', () => {
  it('says when Cloud Control can no longer cancel, keeping its words', () => {
    const mapped = cancelError(
      awsError('InvalidRequestException', 'request tok is SUCCESS', 400),
      create,
    );
    expect(mapped.code).toBe('InvalidArguments');
    expect(mapped.message).toBe(
      'Cloud Control can no longer cancel this request: request tok is SUCCESS.',
    );
    expect(cancelError(awsError('RequestTokenNotFoundException', 'gone', 404), create).code).toBe(
      'NotFound',
    );
    expect(cancelError(awsError('AccessDeniedException', 'no', 400), create).message).toMatch(
      /^Cloudshelf could not cancel the request to create AWS::SageMaker::Image in eu-west-1: Access denied/,
    );
  });
});
