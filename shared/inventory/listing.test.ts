import { describe, expect, it } from 'vitest';
import { listedPerParentByDefault, perParentNote } from './listing';

describe('types listed per parent by default', () => {
  it('lists model packages per group, and says why', () => {
    expect(listedPerParentByDefault('AWS::SageMaker::ModelPackage')).toBe(true);
    expect(perParentNote('AWS::SageMaker::ModelPackage')).toContain('per model package group');
  });

  it('lists other types as they are, whatever their name', () => {
    expect(listedPerParentByDefault('AWS::SageMaker::Image')).toBe(false);
    expect(listedPerParentByDefault('constructor')).toBe(false);
    expect(perParentNote('toString')).toBeNull();
  });
});
