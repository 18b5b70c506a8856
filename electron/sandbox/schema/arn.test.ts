import { describe, expect, it } from 'vitest';
import {
  arnCandidates,
  arnNamespaceOf,
  formatArn,
  kebabCase,
  resourceKindOf,
  serviceOf,
} from './arn';

describe('type name parts', () => {
  it('splits service and kind', () => {
    expect(serviceOf('AWS::SageMaker::Image')).toBe('SageMaker');
    expect(resourceKindOf('AWS::SageMaker::ModelPackageGroup')).toBe('ModelPackageGroup');
  });

  it('maps CloudFormation namespaces to ARN namespaces', () => {
    expect(arnNamespaceOf('AWS::SageMaker::Image')).toBe('sagemaker');
    expect(arnNamespaceOf('AWS::StepFunctions::StateMachine')).toBe('states');
    expect(arnNamespaceOf('AWS::ElasticLoadBalancingV2::LoadBalancer')).toBe(
      'elasticloadbalancing',
    );
  });
});

describe('kebabCase', () => {
  it('splits words and acronyms', () => {
    expect(kebabCase('ModelPackageGroup')).toBe('model-package-group');
    expect(kebabCase('DBCluster')).toBe('db-cluster');
    expect(kebabCase('VPC')).toBe('vpc');
    expect(kebabCase('Image')).toBe('image');
  });
});

describe('ARNs', () => {
  it('formats regional and global ARNs', () => {
    expect(
      formatArn({ service: 'iam', region: '', account: '123456789012', resource: 'role/x' }),
    ).toBe('arn:aws:iam::123456789012:role/x');
    expect(formatArn({ service: 's3', region: '', account: '', resource: 'bucket' })).toBe(
      'arn:aws:s3:::bucket',
    );
  });

  it('offers the common resource shapes, kind/name first', () => {
    const candidates = arnCandidates('sagemaker', 'eu-west-1', '123456789012', 'Image', 'my-image');
    expect(candidates[0]).toBe('arn:aws:sagemaker:eu-west-1:123456789012:image/my-image');
    expect(candidates).toContain('arn:aws:sagemaker:eu-west-1:123456789012:image:my-image');
    expect(candidates).toContain('arn:aws:sagemaker:eu-west-1:123456789012:my-image');
  });
});
