import { describe, expect, it } from 'vitest';
import { confirmationText, requestSubject, resourceName, typeNoun } from './resource-label';

describe('typeNoun', () => {
  it('names one resource of a type', () => {
    expect(typeNoun('AWS::SageMaker::Image')).toBe('SageMaker image');
    expect(typeNoun('AWS::SageMaker::ModelPackageGroup')).toBe('SageMaker model package group');
    expect(typeNoun('AWS::EC2::VPC')).toBe('EC2 VPC');
    expect(typeNoun('Custom')).toBe('Custom');
  });
});

describe('resourceName', () => {
  const image = (properties: Record<string, unknown>) => ({
    typeName: 'AWS::SageMaker::Image',
    identifier: 'arn:aws:sagemaker:us-east-1:1:image/x',
    properties,
  });

  it('prefers the type’s own name property, then Name, then the identifier', () => {
    expect(resourceName(image({ ImageName: 'x', Name: 'y' }))).toBe('x');
    expect(resourceName(image({ Name: 'y' }))).toBe('y');
    expect(resourceName(image({ ImageName: '  ' }))).toBe('arn:aws:sagemaker:us-east-1:1:image/x');
  });

  it('names a request by identifier, else by the name it was created with', () => {
    const base = { typeName: 'AWS::SageMaker::Image', identifier: null, desiredState: null };
    expect(requestSubject({ ...base, identifier: 'arn:x' })).toBe('arn:x');
    expect(requestSubject({ ...base, desiredState: { ImageName: 'new' } })).toBe('new');
    expect(requestSubject({ ...base, desiredState: {} })).toBeNull();
    expect(requestSubject(base)).toBeNull();
  });
});

describe('confirmationText', () => {
  const image = (name: string) => ({
    typeName: 'AWS::SageMaker::Image',
    identifier: `arn:aws:sagemaker:us-east-1:1:image/${name}`,
    properties: { ImageName: name },
  });

  it('asks for the name of one resource, the count of several', () => {
    expect(confirmationText([image('a')])).toBe('a');
    expect(confirmationText([image('a'), image('b'), image('c')])).toBe('3');
  });
});
