import { describe, expect, it } from 'vitest';
import type { InventoryRow } from '../../../shared/contract';
import { arnOf, consoleUrl } from './console-links';

const row = (
  typeName: string,
  identifier: string,
  properties: Record<string, unknown>,
  region = 'eu-west-1',
): InventoryRow => ({
  key: `123456789012/${region}/${identifier}`,
  typeName,
  account: '123456789012',
  region,
  identifier,
  properties,
  readAt: 0,
});

const imageArn = 'arn:aws:sagemaker:eu-west-1:123456789012:image/my-image';
const image = row('AWS::SageMaker::Image', imageArn, {
  ImageArn: imageArn,
  ImageName: 'my-image',
  ImageRoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
});

describe('arnOf', () => {
  it('prefers the property named after the type', () => {
    expect(arnOf('AWS::SageMaker::Image', image)).toBe(imageArn);
    const pkg = 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/group/3';
    expect(
      arnOf(
        'AWS::SageMaker::ModelPackage',
        row('AWS::SageMaker::ModelPackage', pkg, {
          ModelPackageGroupName: 'group',
          SourceRoleArn: 'arn:aws:iam::123456789012:role/x',
          ModelPackageArn: pkg,
        }),
      ),
    ).toBe(pkg);
  });

  it('then Arn, then an ARN identifier, then the first property ending in Arn', () => {
    const fn = 'arn:aws:lambda:eu-west-1:123456789012:function:f';
    expect(arnOf('AWS::Lambda::Function', row('AWS::Lambda::Function', 'f', { Arn: fn }))).toBe(fn);
    expect(
      arnOf('AWS::X::Y', row('AWS::X::Y', 'arn:aws:x:::y/1', { RoleArn: 'arn:aws:iam::1:role/r' })),
    ).toBe('arn:aws:x:::y/1');
    expect(
      arnOf('AWS::X::Y', row('AWS::X::Y', 'id', { Name: 'n', RoleArn: 'arn:aws:iam::1:role/r' })),
    ).toBe('arn:aws:iam::1:role/r');
  });

  it('is null when nothing holds an ARN', () => {
    expect(
      arnOf('AWS::X::Y', row('AWS::X::Y', 'id', { SomeArn: 'not-an-arn', Other: 1 })),
    ).toBeNull();
  });
});

describe('consoleUrl', () => {
  it('links SageMaker images by name in their region', () => {
    expect(consoleUrl('AWS::SageMaker::Image', image)).toBe(
      'https://eu-west-1.console.aws.amazon.com/sagemaker/home?region=eu-west-1#/images/my-image',
    );
  });

  it('takes the name from the ARN when the row has not been read in full', () => {
    const listed = row('AWS::SageMaker::Image', imageArn, {});
    expect(consoleUrl('AWS::SageMaker::Image', listed)).toContain('#/images/my-image');
  });

  it('opens a versioned model package in its group, an unversioned one by name', () => {
    const versioned = row(
      'AWS::SageMaker::ModelPackage',
      'arn:aws:sagemaker:us-east-1:1:model-package/g/1',
      {
        ModelPackageGroupName: 'churn models',
      },
      'us-east-1',
    );
    expect(consoleUrl('AWS::SageMaker::ModelPackage', versioned)).toBe(
      'https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/model-registry/churn%20models',
    );
    const plain = row('AWS::SageMaker::ModelPackage', 'x', { ModelPackageName: 'pkg' });
    expect(consoleUrl('AWS::SageMaker::ModelPackage', plain)).toContain('#/model-packages/pkg');
  });

  it('links the other SageMaker types it knows', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['AWS::SageMaker::ModelPackageGroup', { ModelPackageGroupName: 'g' }, '#/model-registry/g'],
      ['AWS::SageMaker::Model', { ModelName: 'm' }, '#/models/m'],
      ['AWS::SageMaker::Endpoint', { EndpointName: 'e' }, '#/endpoints/e'],
      ['AWS::SageMaker::NotebookInstance', { NotebookInstanceName: 'n' }, '#/notebook-instances/n'],
      ['AWS::SageMaker::Domain', { DomainId: 'd-abc' }, '#/studio/d-abc'],
    ];
    for (const [typeName, properties, fragment] of cases) {
      expect(consoleUrl(typeName, row(typeName, 'id', properties))).toBe(
        `https://eu-west-1.console.aws.amazon.com/sagemaker/home?region=eu-west-1${fragment}`,
      );
    }
  });

  it('links a few common types, encoding path parts', () => {
    expect(consoleUrl('AWS::S3::Bucket', row('AWS::S3::Bucket', 'my.bucket', {}))).toBe(
      'https://s3.console.aws.amazon.com/s3/buckets/my.bucket?region=eu-west-1',
    );
    expect(
      consoleUrl(
        'AWS::Lambda::Function',
        row('AWS::Lambda::Function', 'f', { FunctionName: 'a/b#c' }),
      ),
    ).toBe(
      'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/a%2Fb%23c',
    );
    expect(consoleUrl('AWS::IAM::Role', row('AWS::IAM::Role', 'Admin', {}, ''))).toBe(
      'https://console.aws.amazon.com/iam/home#/roles/details/Admin',
    );
    expect(consoleUrl('AWS::EC2::Instance', row('AWS::EC2::Instance', 'i-0abc', {}))).toBe(
      'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#InstanceDetails:instanceId=i-0abc',
    );
    expect(consoleUrl('AWS::DynamoDB::Table', row('AWS::DynamoDB::Table', 'orders', {}))).toBe(
      'https://eu-west-1.console.aws.amazon.com/dynamodbv2/home?region=eu-west-1#table?name=orders',
    );
  });

  it('is null for unknown types, missing names and other partitions', () => {
    expect(consoleUrl('AWS::Foo::Bar', row('AWS::Foo::Bar', 'x', {}))).toBeNull();
    expect(consoleUrl('AWS::SageMaker::Model', row('AWS::SageMaker::Model', 'x|y', {}))).toBeNull();
    expect(consoleUrl('AWS::S3::Bucket', row('AWS::S3::Bucket', 'b', {}, 'cn-north-1'))).toBeNull();
    expect(
      consoleUrl('AWS::S3::Bucket', row('AWS::S3::Bucket', 'b', {}, 'us-gov-west-1')),
    ).toBeNull();
    expect(consoleUrl('AWS::S3::Bucket', row('AWS::S3::Bucket', 'b', {}, 'evil.com/x'))).toBeNull();
  });
});
