import { describe, expect, it } from 'vitest';
import {
  NO_REGION_AVAILABILITY,
  parseRegionAvailability,
} from '../../registry/region-availability';
import { offersType, regionsOffering } from './availability';
import { COMMERCIAL_REGIONS } from './commercial-regions';

const data = parseRegionAvailability({
  source: 'test',
  regionsCovered: ['us-east-1', 'us-east-2'],
  types: {
    'AWS::SageMaker::Image': { offered: ['us-east-1'], notOffered: [] },
    'AWS::GameLiftStreams::StreamGroup': { offered: ['us-east-2'], notOffered: ['us-east-1'] },
  },
});
const noLive = () => undefined;

describe('offersType', () => {
  it('uses the build-time data, assuming "offered" where nothing is known', () => {
    expect(offersType('AWS::GameLiftStreams::StreamGroup', 'us-east-1', data, noLive)).toBe(false);
    expect(offersType('AWS::GameLiftStreams::StreamGroup', 'us-east-2', data, noLive)).toBe(true);
    expect(offersType('AWS::GameLiftStreams::StreamGroup', 'eu-west-1', data, noLive)).toBe(true);
    expect(offersType('AWS::New::Thing', 'eu-west-1', NO_REGION_AVAILABILITY, noLive)).toBe(true);
  });

  it('lets a live ListTypes answer for the region win', () => {
    const live = (region: string) =>
      region === 'eu-west-1' ? new Set(['AWS::SageMaker::Image']) : undefined;
    expect(offersType('AWS::GameLiftStreams::StreamGroup', 'eu-west-1', data, live)).toBe(false);
    expect(offersType('AWS::SageMaker::Image', 'eu-west-1', data, live)).toBe(true);
  });
});

describe('regionsOffering', () => {
  it('is null when nothing rules a region out, else the regions left', () => {
    expect(regionsOffering('AWS::SageMaker::Image', data, noLive)).toBeNull();
    const streams = regionsOffering('AWS::GameLiftStreams::StreamGroup', data, noLive);
    expect(streams).toHaveLength(COMMERCIAL_REGIONS.length - 1);
    expect(streams).not.toContain('us-east-1');
    const live = (region: string) => (region === 'eu-west-1' ? new Set<string>() : undefined);
    expect(regionsOffering('AWS::SageMaker::Image', data, live)).not.toContain('eu-west-1');
  });
});
