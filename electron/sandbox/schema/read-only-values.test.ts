import { describe, expect, it } from 'vitest';
import type { JsonSchemaNode, ResourceSchema } from '../../registry/resource-schema';
import { isArnName, isTimestampName, preferredEnumValue, readOnlyValue } from './read-only-values';
import { testContext } from './test-helpers';
import type { ValueRequest } from './value-request';

function request(
  typeName: string,
  key: string,
  node: JsonSchemaNode | undefined,
  model: Record<string, unknown> = {},
  path: string[] = [key],
): ValueRequest {
  const schema: ResourceSchema = {
    typeName,
    description: 'test',
    properties: {},
    primaryIdentifier: [],
  };
  return {
    typeName,
    schema,
    model,
    container: model,
    path,
    key,
    node,
    context: testContext(),
    resourceName: () => 'my-thing',
  };
}

describe('preferredEnumValue', () => {
  it('prefers settled states, whatever their case', () => {
    expect(preferredEnumValue(['CREATING', 'CREATED', 'FAILED'])).toBe('CREATED');
    expect(preferredEnumValue(['Pending', 'InProgress', 'Completed', 'Failed'])).toBe('Completed');
    expect(preferredEnumValue(['Creating', 'InService', 'Failed'])).toBe('InService');
    expect(preferredEnumValue(['On', 'Off'])).toBe('On');
  });
});

describe('name rules', () => {
  it('recognise timestamps and ARNs', () => {
    for (const name of ['CreationTime', 'CreateDate', 'CreatedAt', 'LastModified', 'CreatedOn']) {
      expect(isTimestampName(name), name).toBe(true);
    }
    expect(isTimestampName('Format')).toBe(false);
    expect(isArnName('ImageArn') && isArnName('RoleARN')).toBe(true);
  });
});

describe('readOnlyValue', () => {
  it('writes timestamps as ISO strings, or epoch seconds for numbers', () => {
    expect(readOnlyValue(request('AWS::X::Y', 'CreationTime', { type: 'string' }))).toBe(
      '2026-11-23T10:00:00.000Z',
    );
    expect(readOnlyValue(request('AWS::X::Y', 'CreatedAt', { type: 'number' }))).toBe(1795428000);
    expect(readOnlyValue(request('AWS::X::Y', 'Since', { format: 'date-time' }))).toBe(
      '2026-11-23T10:00:00.000Z',
    );
  });

  it('builds ARNs from the type and the resource name, honouring the pattern', () => {
    expect(readOnlyValue(request('AWS::ECR::Repository', 'Arn', { type: 'string' }))).toBe(
      'arn:aws:ecr:eu-west-1:123456789012:repository/my-thing',
    );
    const colonStyle = {
      type: 'string',
      pattern: '^arn:aws:states:[a-z0-9-]+:\\d{12}:stateMachine:.+$',
    };
    expect(readOnlyValue(request('AWS::StepFunctions::StateMachine', 'Arn', colonStyle))).toBe(
      'arn:aws:states:eu-west-1:123456789012:stateMachine:my-thing',
    );
    expect(
      readOnlyValue(request('AWS::SageMaker::ImageVersion', 'ImageArn', {}, { ImageName: 'img' })),
    ).toBe('arn:aws:sagemaker:eu-west-1:123456789012:image/img');
    expect(readOnlyValue(request('AWS::X::Y', 'ExecutionRoleArn', {}))).toBe(
      'arn:aws:iam::123456789012:role/my-thing',
    );
  });

  it('makes ids in the service style', () => {
    expect(readOnlyValue(request('AWS::EC2::VPC', 'VpcId', { type: 'string' }))).toMatch(
      /^vpc-[0-9a-f]{17}$/,
    );
    expect(readOnlyValue(request('AWS::EC2::VPC', 'DefaultSecurityGroup', {}))).toMatch(/^sg-/);
    expect(readOnlyValue(request('AWS::KMS::Key', 'KeyId', {}))).toMatch(/^[0-9a-f-]{36}$/);
    expect(readOnlyValue(request('AWS::X::Y', 'OwnerAccountId', {}))).toBe('123456789012');
    const short = { type: 'string', pattern: '^[a-zA-Z0-9]+$', minLength: 12, maxLength: 12 };
    expect(readOnlyValue(request('AWS::IVSChat::Room', 'Id', short))).toMatch(/^[a-zA-Z0-9]{12}$/);
  });

  it('fills statuses, counts, versions, booleans, lists and objects', () => {
    const status = { type: 'string', enum: ['Pending', 'Completed'] };
    expect(readOnlyValue(request('AWS::X::Y', 'ModelPackageStatus', status))).toBe('Completed');
    expect(readOnlyValue(request('AWS::X::Y', 'State', { type: 'string' }))).toBe('ACTIVE');
    expect(readOnlyValue(request('AWS::X::Y', 'AttachmentCount', { type: 'integer' }))).toBe(0);
    expect(readOnlyValue(request('AWS::X::Y', 'Version', { type: 'integer', minimum: 1 }))).toBe(1);
    expect(readOnlyValue(request('AWS::X::Y', 'Enabled', { type: 'boolean' }))).toBe(false);
    expect(readOnlyValue(request('AWS::X::Y', 'Items', { type: 'array' }))).toEqual([]);
    expect(
      readOnlyValue(
        request('AWS::X::Y', 'Models', { type: 'array', minItems: 1, items: { type: 'string' } }),
      ),
    ).toHaveLength(1);
    expect(readOnlyValue(request('AWS::X::Y', 'Config', { type: 'object' }))).toEqual({});
  });

  it('repeats a top-level value in a nested copy of it', () => {
    const model = { VpcId: 'vpc-0123456789abcdef0' };
    expect(
      readOnlyValue(
        request('AWS::EC2::VPC', 'VpcId', {}, model, ['VpcEncryptionControl', 'VpcId']),
      ),
    ).toBe('vpc-0123456789abcdef0');
  });

  it('writes URLs and endpoints from the resource name', () => {
    expect(readOnlyValue(request('AWS::EKS::Cluster', 'Endpoint', {}))).toBe(
      'my-thing.eks.eu-west-1.amazonaws.com',
    );
    expect(readOnlyValue(request('AWS::X::Y', 'ConsoleUrl', {}))).toBe(
      'https://my-thing.x.eu-west-1.amazonaws.com',
    );
  });
});
