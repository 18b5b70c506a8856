import { describe, expect, it } from 'vitest';
import { loadRegistrySnapshot } from '../../registry/snapshot';
import { serviceOf, summaryOf, typeFacts } from './type-facts';

const snapshot = await loadRegistrySnapshot();

function factsOf(typeName: string) {
  const schema = snapshot.schema(typeName);
  if (!schema) throw new Error(`${typeName} missing`);
  return typeFacts(schema);
}

describe('typeFacts', () => {
  it('describes AWS::SageMaker::Image from its schema', () => {
    const facts = factsOf('AWS::SageMaker::Image');
    expect(facts).toMatchObject({
      typeName: 'AWS::SageMaker::Image',
      service: 'SageMaker',
      operations: ['create', 'read', 'update', 'delete', 'list'],
      listNeedsParent: false,
      primaryIdentifier: ['ImageArn'],
      listParents: { required: [], optional: [] },
    });
    expect(facts.description.length).toBeGreaterThan(0);
    // The handler permissions exactly as the schema lists them (what StackQL's docs show).
    expect(facts.permissions).toEqual({
      create: [
        'sagemaker:CreateImage',
        'sagemaker:DescribeImage',
        'iam:PassRole',
        'sagemaker:AddTags',
        'sagemaker:ListTags',
      ],
      read: ['sagemaker:DescribeImage', 'sagemaker:ListTags'],
      update: [
        'sagemaker:UpdateImage',
        'sagemaker:DescribeImage',
        'sagemaker:ListTags',
        'sagemaker:AddTags',
        'sagemaker:DeleteTags',
        'iam:PassRole',
      ],
      delete: ['sagemaker:DeleteImage', 'sagemaker:DescribeImage'],
      list: ['sagemaker:ListImages'],
    });
  });

  it('reads list parents: required, optional, and anyOf alternatives', () => {
    expect(factsOf('AWS::SageMaker::ImageVersion')).toMatchObject({
      listNeedsParent: true,
      listParents: { required: ['ImageName'], optional: [] },
    });
    expect(factsOf('AWS::SageMaker::ModelPackage')).toMatchObject({
      listNeedsParent: false,
      listParents: { required: [], optional: ['ModelPackageGroupName'] },
    });
    expect(factsOf('AWS::ElasticLoadBalancingV2::Listener')).toMatchObject({
      listNeedsParent: true,
      listParents: { required: [], optional: ['LoadBalancerArn', 'ListenerArns'] },
    });
  });

  it('names the service and trims to a summary', () => {
    expect(serviceOf('AWS::EC2::VPC')).toBe('EC2');
    expect(Object.keys(summaryOf(factsOf('AWS::EC2::VPC'))).sort()).toEqual([
      'description',
      'listNeedsParent',
      'operations',
      'service',
      'typeName',
    ]);
  });
});
