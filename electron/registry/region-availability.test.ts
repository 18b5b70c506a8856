import { describe, expect, it } from 'vitest';
import {
  loadRegionAvailability,
  NO_REGION_AVAILABILITY,
  parseRegionAvailability,
} from './region-availability';

describe('region availability data', () => {
  it('loads the committed file generated from aws-service-spec', async () => {
    const data = await loadRegionAvailability();
    expect(data.source).toMatch(/^@aws-cdk\/aws-service-spec@/);
    expect(data.regionsCovered).toContain('us-east-1');
    expect(data.of('AWS::SageMaker::Image')).toEqual({ offered: ['us-east-1'], notOffered: [] });
    // Introduced by us-east-2's registry export, so absent from us-east-1's.
    expect(data.of('AWS::GameLiftStreams::StreamGroup')).toEqual({
      offered: ['us-east-2'],
      notOffered: ['us-east-1'],
    });
    expect(data.of('AWS::Nope::Nothing')).toBeUndefined();
  });

  it('rejects a malformed file and offers an empty fallback', () => {
    expect(() => parseRegionAvailability({ source: 1 })).toThrow();
    expect(NO_REGION_AVAILABILITY.of('AWS::SageMaker::Image')).toBeUndefined();
  });
});
