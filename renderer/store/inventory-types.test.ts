import { describe, expect, it } from 'vitest';
import { sameScope } from './inventory-types';

// One rule for "the same table", used by the Browse store (no rescan) and the inventory store.
describe('sameScope', () => {
  const scope = {
    profile: 'Sandbox',
    regions: ['us-east-1', 'eu-west-1'],
    typeName: 'AWS::S3::Bucket',
  };

  it('is the same table when profile, type and regions in order all match', () => {
    expect(sameScope(scope, { ...scope, regions: [...scope.regions] })).toBe(true);
  });

  it('is another table when any of them differs, regions’ order included', () => {
    expect(sameScope(scope, { ...scope, profile: 'prod' })).toBe(false);
    expect(sameScope(scope, { ...scope, typeName: 'AWS::SageMaker::Image' })).toBe(false);
    expect(sameScope(scope, { ...scope, regions: ['eu-west-1', 'us-east-1'] })).toBe(false);
    expect(sameScope(scope, { ...scope, regions: ['us-east-1'] })).toBe(false);
  });
});
