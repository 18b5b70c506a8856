import { describe, expect, it } from 'vitest';
import { createRandom } from '../prng';
import { fakeType } from '../test-support/fake-catalog';
import { applyTypeQuirks, type QuirkContext } from './type-quirks';

function context(): QuirkContext {
  const versions = new Map<string, number>();
  return {
    account: '123456789012',
    region: 'eu-west-1',
    random: createRandom(1),
    nextModelPackageVersion: (group) => {
      const next = (versions.get(group) ?? 0) + 1;
      versions.set(group, next);
      return next;
    },
  };
}

const modelPackage = fakeType({
  typeName: 'AWS::SageMaker::ModelPackage',
  properties: [],
  primaryIdentifier: ['ModelPackageArn'],
});
const bucket = fakeType({
  typeName: 'AWS::S3::Bucket',
  properties: [],
  primaryIdentifier: ['BucketName'],
});

describe('applyTypeQuirks', () => {
  it('numbers model packages per group and builds their ARN from the lower-cased group', () => {
    const ctx = context();
    const first = applyTypeQuirks(modelPackage, { ModelPackageGroupName: 'Churn' }, ctx);
    const second = applyTypeQuirks(modelPackage, { ModelPackageGroupName: 'Churn' }, ctx);
    expect(first).toEqual({
      ModelPackageGroupName: 'Churn',
      ModelPackageName: 'Churn',
      ModelPackageVersion: 1,
      ModelPackageArn: 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/1',
    });
    expect(second.ModelPackageVersion).toBe(2);
    const byArn = applyTypeQuirks(
      modelPackage,
      {
        ModelPackageGroupName: 'arn:aws:sagemaker:eu-west-1:123456789012:model-package-group/fraud',
      },
      ctx,
    );
    expect(byArn.ModelPackageArn).toBe(
      'arn:aws:sagemaker:eu-west-1:123456789012:model-package/fraud/1',
    );
  });

  it('gives an unversioned model package (no group) an ARN of its name, without a version', () => {
    const made = applyTypeQuirks(modelPackage, { ModelPackageName: 'Resale-Model' }, context());
    expect(made).toEqual({
      ModelPackageName: 'Resale-Model',
      ModelPackageArn: 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/resale-model',
    });
  });

  it('invents a missing primary identifier, as CloudFormation names unnamed resources', () => {
    const made = applyTypeQuirks(bucket, { Tags: [] }, context());
    expect(made.BucketName).toMatch(/^sandbox-bucket-[0-9a-f]{12}$/);
    expect(applyTypeQuirks(bucket, { BucketName: 'mine' }, context())).toEqual({
      BucketName: 'mine',
    });
  });
});
