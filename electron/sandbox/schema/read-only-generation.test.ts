import { describe, expect, it } from 'vitest';
import { testContext, vendoredModel } from './test-helpers';
import type { ResourceTypeModel } from './type-model';

// Generated models must look like what AWS returns and pass the type's own schema.

async function generate(typeName: string, desired: Record<string, unknown>, seed = 1) {
  const model: ResourceTypeModel = await vendoredModel(typeName);
  expect(model.validateCreate(desired), `${typeName} desired state`).toEqual([]);
  const generated = model.withGeneratedReadOnly(desired, testContext(seed));
  expect(model.validateModel(generated), `${typeName} generated model`).toEqual([]);
  expect(model.identifierOf(generated), `${typeName} identifier`).toBeDefined();
  return { model, generated };
}

const ROLE = 'arn:aws:iam::123456789012:role/service-role/SageMakerRole';
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('SageMaker', () => {
  it('AWS::SageMaker::Image', async () => {
    const { generated } = await generate('AWS::SageMaker::Image', {
      ImageName: 'My-Image',
      ImageRoleArn: ROLE,
    });
    expect(generated).toEqual({
      ImageName: 'My-Image',
      ImageRoleArn: ROLE,
      ImageArn: 'arn:aws:sagemaker:eu-west-1:123456789012:image/my-image',
    });
  });

  it('AWS::SageMaker::ImageVersion', async () => {
    const baseImage = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/my-image:latest';
    const { generated } = await generate('AWS::SageMaker::ImageVersion', {
      ImageName: 'my-image',
      BaseImage: baseImage,
    });
    expect(generated).toMatchObject({
      Version: 1,
      ContainerImage: baseImage,
      ImageArn: 'arn:aws:sagemaker:eu-west-1:123456789012:image/my-image',
      ImageVersionArn: 'arn:aws:sagemaker:eu-west-1:123456789012:image-version/my-image/1',
    });
  });

  it('AWS::SageMaker::ModelPackageGroup', async () => {
    const { generated } = await generate('AWS::SageMaker::ModelPackageGroup', {
      ModelPackageGroupName: 'Churn-Models',
    });
    expect(generated).toEqual({
      ModelPackageGroupName: 'Churn-Models',
      CreationTime: '2026-11-23T10:00:00.000Z',
      ModelPackageGroupStatus: 'Completed',
      ModelPackageGroupArn:
        'arn:aws:sagemaker:eu-west-1:123456789012:model-package-group/churn-models',
    });
  });

  it('AWS::SageMaker::ModelPackage in a group becomes version 1', async () => {
    const { generated } = await generate('AWS::SageMaker::ModelPackage', {
      ModelPackageGroupName: 'churn-models',
      ModelApprovalStatus: 'PendingManualApproval',
    });
    expect(generated).toMatchObject({
      ModelPackageVersion: 1,
      ModelPackageStatus: 'Completed',
      ModelPackageArn: 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn-models/1',
    });
    expect(generated.CreationTime).toMatch(ISO);
    expect(generated.LastModifiedTime).toBe(generated.CreationTime);
  });

  it('AWS::SageMaker::ModelPackage keeps a version the caller (the server) chose', async () => {
    const { generated } = await generate('AWS::SageMaker::ModelPackage', {
      ModelPackageGroupName: 'churn-models',
      ModelPackageVersion: 7,
    });
    expect(generated.ModelPackageArn).toBe(
      'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn-models/7',
    );
  });
});

describe('other common types', () => {
  it('AWS::S3::Bucket is auto-named and addressed globally', async () => {
    const { generated } = await generate('AWS::S3::Bucket', {});
    const name = generated.BucketName as string;
    expect(name).toMatch(/^bucket-[a-z0-9]{12}$/);
    expect(generated).toMatchObject({
      Arn: `arn:aws:s3:::${name}`,
      DomainName: `${name}.s3.amazonaws.com`,
      RegionalDomainName: `${name}.s3.eu-west-1.amazonaws.com`,
      DualStackDomainName: `${name}.s3.dualstack.eu-west-1.amazonaws.com`,
      WebsiteURL: `http://${name}.s3-website-eu-west-1.amazonaws.com`,
    });
  });

  it('AWS::IAM::Role has a global ARN with its path and an AROA id', async () => {
    const { generated } = await generate('AWS::IAM::Role', {
      RoleName: 'lambda-exec',
      Path: '/service-role/',
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] },
    });
    expect(generated.Arn).toBe('arn:aws:iam::123456789012:role/service-role/lambda-exec');
    expect(generated.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
  });

  it('AWS::Lambda::Function uses the function: ARN form', async () => {
    const { generated } = await generate('AWS::Lambda::Function', {
      FunctionName: 'resize',
      Role: 'arn:aws:iam::123456789012:role/lambda-exec',
      Code: { ZipFile: 'exports.handler = async () => ({});' },
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
    });
    expect(generated.Arn).toBe('arn:aws:lambda:eu-west-1:123456789012:function:resize');
  });

  it('AWS::EC2::VPC gets EC2-style ids', async () => {
    const { generated } = await generate('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
    expect(generated.VpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(generated.DefaultSecurityGroup).toMatch(/^sg-[0-9a-f]{17}$/);
    expect(generated.DefaultNetworkAcl).toMatch(/^acl-[0-9a-f]{17}$/);
    expect(generated.CidrBlockAssociations).toEqual([
      expect.stringMatching(/^vpc-cidr-assoc-[0-9a-f]{17}$/),
    ]);
  });

  it('AWS::ECR::Repository gets its registry URI', async () => {
    const { generated } = await generate('AWS::ECR::Repository', { RepositoryName: 'team/app' });
    expect(generated).toMatchObject({
      Arn: 'arn:aws:ecr:eu-west-1:123456789012:repository/team/app',
      RepositoryUri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app',
    });
  });

  it('fills nested read-only values only where their parent exists', async () => {
    const { generated } = await generate('AWS::EC2::VPC', {
      CidrBlock: '10.0.0.0/16',
      VpcEncryptionControl: { Mode: 'monitor' },
    });
    const control = generated.VpcEncryptionControl as Record<string, unknown>;
    expect(control.VpcId).toBe(generated.VpcId);
    expect(control.State).toBe('ACTIVE');
  });
});

describe('determinism and purity', () => {
  it('repeats exactly with the same random source, and never mutates the input', async () => {
    const desired = { CidrBlock: '10.0.0.0/16' };
    const first = await generate('AWS::EC2::VPC', desired, 9);
    const second = await generate('AWS::EC2::VPC', desired, 9);
    expect(first.generated).toEqual(second.generated);
    expect(desired).toEqual({ CidrBlock: '10.0.0.0/16' });
  });

  it('keeps read-only values already present (the server may set them)', async () => {
    const model = await vendoredModel('AWS::SageMaker::Image');
    const arn = 'arn:aws:sagemaker:eu-west-1:123456789012:image/fixed';
    const generated = model.withGeneratedReadOnly(
      { ImageName: 'x', ImageRoleArn: ROLE, ImageArn: arn },
      testContext(),
    );
    expect(generated.ImageArn).toBe(arn);
  });

  it('uses the context region and account', async () => {
    const model = await vendoredModel('AWS::SageMaker::Image');
    const generated = model.withGeneratedReadOnly(
      { ImageName: 'x', ImageRoleArn: ROLE },
      { ...testContext(), region: 'ap-southeast-2', account: '210987654321' },
    );
    expect(generated.ImageArn).toBe('arn:aws:sagemaker:ap-southeast-2:210987654321:image/x');
  });
});
