import { describe, expect, it } from 'vitest';
import { loadRegistrySnapshot } from '../../registry/snapshot';
import { typeInfoFromSchemas } from './type-info';

const typeInfo = typeInfoFromSchemas(await loadRegistrySnapshot());

describe('typeInfoFromSchemas', () => {
  it('reads identifiers, list parents, permissions and globality from the registry', () => {
    expect(typeInfo('AWS::SageMaker::Image')).toMatchObject({
      listRequired: [],
      listOptional: [],
      isGlobal: false,
      primaryIdentifier: ['ImageArn'],
      listPermissions: ['sagemaker:ListImages'],
    });
    expect(typeInfo('AWS::SageMaker::ModelPackage')).toMatchObject({
      listRequired: [],
      listOptional: ['ModelPackageGroupName'],
      parent: { typeName: 'AWS::SageMaker::ModelPackageGroup' },
    });
    expect(typeInfo('AWS::SageMaker::ImageVersion')?.listRequired).toEqual(['ImageName']);
    expect(typeInfo('AWS::S3::Bucket')?.isGlobal).toBe(true);
    expect(typeInfo('AWS::Nope::Thing')).toBeUndefined();
  });

  it('answers the same object twice (computed once)', () => {
    expect(typeInfo('AWS::EKS::Nodegroup')).toBe(typeInfo('AWS::EKS::Nodegroup'));
  });
});
