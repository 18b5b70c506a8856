import { describe, expect, it } from 'vitest';
import type { TypeSummary } from '../../../shared/contract';
import { createTypeSearchIndex } from './search';

function type(typeName: string, description = ''): TypeSummary {
  const service = typeName.split('::')[1] ?? '';
  return { typeName, service, description, operations: ['list'], listNeedsParent: false };
}

const index = createTypeSearchIndex([
  type('AWS::SageMaker::ImageVersion', 'A version of a SageMaker image.'),
  type('AWS::SageMaker::Image', 'A SageMaker image.'),
  type('AWS::SageMaker::ModelPackageGroup', 'A group of model packages.'),
  type('AWS::SageMaker::ModelPackage', 'A versioned model.'),
  type('AWS::ImageBuilder::Image', 'An EC2 Image Builder image.'),
  type('AWS::EC2::VPC', 'A virtual private cloud.'),
  type('AWS::ECR::Repository', 'Stores container images.'),
  type('AWS::Lambda::Function', 'Runs code; can use a SageMaker endpoint.'),
]);

const names = (query: string, limit = 50) =>
  index.search(query, limit).types.map((t) => t.typeName);

describe('type search', () => {
  it('puts the exact type first, then name-segment prefixes', () => {
    expect(names('sagemaker image').slice(0, 2)).toEqual([
      'AWS::SageMaker::Image',
      'AWS::SageMaker::ImageVersion',
    ]);
    expect(names('AWS::SageMaker::Image')[0]).toBe('AWS::SageMaker::Image');
    expect(names('SageMaker::ModelPackage').slice(0, 2)).toEqual([
      'AWS::SageMaker::ModelPackage',
      'AWS::SageMaker::ModelPackageGroup',
    ]);
    expect(names('sagemaker model package')[0]).toBe('AWS::SageMaker::ModelPackage');
  });

  it('ranks segment prefixes, then service matches, then descriptions', () => {
    // ImageBuilder::Image is an exact resource match; ECR only mentions images.
    expect(names('image')).toEqual([
      'AWS::SageMaker::Image',
      'AWS::ImageBuilder::Image',
      'AWS::SageMaker::ImageVersion',
      'AWS::ECR::Repository',
    ]);
    expect(names('sagemaker')).toEqual([
      'AWS::SageMaker::Image',
      'AWS::SageMaker::ImageVersion',
      'AWS::SageMaker::ModelPackage',
      'AWS::SageMaker::ModelPackageGroup',
      'AWS::Lambda::Function',
    ]);
    expect(names('sagemaker versioned')).toEqual(['AWS::SageMaker::ModelPackage']);
    expect(names('virtual cloud')).toEqual(['AWS::EC2::VPC']);
  });

  it('applies the limit but reports the total', () => {
    expect(index.search('sagemaker', 2)).toMatchObject({ total: 5 });
    expect(index.search('sagemaker', 2).types).toHaveLength(2);
    expect(index.search(undefined, 3)).toMatchObject({ total: 8 });
    expect(index.search('   ', 100).types[0]?.typeName).toBe('AWS::EC2::VPC');
    expect(index.search('nothing-like-this', 10)).toEqual({ types: [], total: 0 });
  });
});
