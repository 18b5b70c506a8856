import { describe, expect, it } from 'vitest';
import { CloudshelfError } from '../../../shared/contract';
import { describeRegionError, type ErrorScope } from './errors';

const scope: ErrorScope = {
  typeName: 'AWS::SageMaker::ImageVersion',
  region: 'eu-west-1',
  info: {
    listRequired: ['ImageName'],
    listOptional: [],
    isGlobal: false,
    primaryIdentifier: ['ImageVersionArn'],
    parent: {
      typeName: 'AWS::SageMaker::Image',
      property: 'ImageName',
      parentProperty: 'ImageName',
    },
    listPermissions: ['sagemaker:ListImageVersions'],
    readPermissions: ['sagemaker:DescribeImageVersion'],
  },
};

function awsError(name: string, message: string, status?: number): Error {
  return Object.assign(new Error(message), {
    name,
    $metadata: status === undefined ? {} : { httpStatusCode: status },
  });
}

describe('describeRegionError', () => {
  it('names the IAM actions an access-denied profile needs', () => {
    const error = describeRegionError(
      awsError('AccessDeniedException', 'User: x is not authorized', 400),
      scope,
    );
    expect(error.code).toBe('AccessDenied');
    expect(error.hint).toContain('cloudformation:ListResources');
    expect(error.hint).toContain('sagemaker:ListImageVersions, sagemaker:DescribeImageVersion');
  });

  it('says how to give a missing parent', () => {
    const error = describeRegionError(
      awsError('InvalidRequestException', 'Missing or invalid ResourceModel property', 400),
      scope,
    );
    expect(error.code).toBe('MissingParent');
    expect(error.hint).toMatch(
      /per parent \(one list per AWS::SageMaker::Image\), or give ImageName/,
    );
  });

  it('tells an unreachable region from an unavailable one and from throttling', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(describeRegionError(reset, scope).code).toBe('RegionUnreachable');
    expect(describeRegionError(awsError('ServiceUnavailableException', 'x', 503), scope).code).toBe(
      'RegionUnavailable',
    );
    expect(
      describeRegionError(awsError('ThrottlingException', 'Rate exceeded', 400), scope).code,
    ).toBe('Throttling');
  });

  it('passes a session problem (e.g. expired SSO) through as it was phrased', () => {
    const sso = new CloudshelfError(
      'Unauthorized',
      'The SSO session expired.',
      'Run aws sso login --profile dev.',
    );
    expect(describeRegionError(sso, scope)).toEqual({
      code: 'Unauthorized',
      message: 'The SSO session expired.',
      hint: 'Run aws sso login --profile dev.',
    });
  });

  it('covers unsupported and unknown types, and anything else', () => {
    expect(describeRegionError(awsError('UnsupportedActionException', 'x', 405), scope).code).toBe(
      'UnsupportedAction',
    );
    expect(describeRegionError(awsError('TypeNotFoundException', 'x', 404), scope).message).toBe(
      'AWS::SageMaker::ImageVersion is not available in eu-west-1.',
    );
    expect(describeRegionError(new Error('boom'), scope)).toMatchObject({ code: 'Internal' });
  });
});
