import { describe, expect, it } from 'vitest';
import { loadRegionAvailability } from '../../registry/region-availability';
import { COMMERCIAL_REGIONS } from './commercial-regions';
import { listRegions } from './list';

const data = await loadRegionAvailability();
const noLive = () => undefined;

describe('listRegions', () => {
  it('lists every commercial region with its opt-in flag', () => {
    const regions = listRegions(undefined, data, noLive);
    expect(regions).toHaveLength(COMMERCIAL_REGIONS.length);
    const optIn = (code: string) => regions.find((r) => r.code === code)?.optIn;
    for (const code of ['af-south-1', 'ap-east-1', 'me-south-1', 'eu-south-1', 'il-central-1']) {
      expect(optIn(code), code).toBe(true);
    }
    for (const code of ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'sa-east-1']) {
      expect(optIn(code), code).toBe(false);
    }
    expect(regions.find((r) => r.code === 'eu-west-1')).toEqual({
      code: 'eu-west-1',
      name: 'Europe (Ireland)',
      optIn: false,
      offersType: null,
    });
    expect(regions.map((r) => r.code)).not.toContain('aws-global');
  });

  it('marks where a type is offered: SageMaker in the sandbox regions, a regional type not everywhere', () => {
    for (const typeName of ['AWS::SageMaker::Image', 'AWS::SageMaker::ModelPackage']) {
      const regions = listRegions(typeName, data, noLive);
      for (const code of ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1']) {
        expect(regions.find((r) => r.code === code)?.offersType, `${typeName} ${code}`).toBe(true);
      }
    }
    const streams = listRegions('AWS::GameLiftStreams::Application', data, noLive);
    expect(streams.find((r) => r.code === 'us-east-1')?.offersType).toBe(false);
    expect(streams.find((r) => r.code === 'us-east-2')?.offersType).toBe(true);
  });
});
