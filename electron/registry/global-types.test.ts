import { describe, expect, it } from 'vitest';
import { GLOBAL_TYPES, isGlobalType } from './global-types';

describe('global types', () => {
  it('knows S3 buckets and IAM roles are account-wide, SageMaker images are not', () => {
    expect(isGlobalType('AWS::S3::Bucket')).toBe(true);
    expect(isGlobalType('AWS::IAM::Role')).toBe(true);
    expect(isGlobalType('AWS::SageMaker::Image')).toBe(false);
    expect(GLOBAL_TYPES.size).toBeGreaterThan(5);
  });
});
