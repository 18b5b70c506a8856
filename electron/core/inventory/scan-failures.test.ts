import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './test-support/harness';

const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1'];

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    sandbox: {
      faults: {
        latencyMs: 1,
        downRegions: { 'us-west-2': 'refuse', 'eu-west-1': 'unavailable' },
        accessDeniedRegions: ['ap-northeast-1'],
      },
    },
  });
});
afterAll(async () => {
  await h.close();
});

describe('scan: one region failing never stops the others', () => {
  it('isolates a refused, an unavailable and an access-denied region, and says what to do', async () => {
    const result = await h.scan({ regions, typeName: 'AWS::SageMaker::Image' });
    expect(result.statuses.get('us-east-1')).toMatchObject({ state: 'done', hydrated: 60 });
    expect(result.rows).toHaveLength(60);
    expect(result.rows.every((r) => r.region === 'us-east-1')).toBe(true);
    expect(result.finished?.state).toBe('done');

    const refused = result.statuses.get('us-west-2');
    expect(refused?.state).toBe('failed');
    expect(refused?.error?.code).toBe('RegionUnreachable');
    expect(refused?.error?.message).toMatch(/us-west-2 did not answer/);
    expect(refused?.error?.hint).toMatch(/enabled for this account and reachable/);

    const unavailable = result.statuses.get('eu-west-1');
    expect(unavailable?.state).toBe('failed');
    expect(unavailable?.error?.code).toBe('RegionUnavailable');
    expect(unavailable?.error?.message).toMatch(/eu-west-1 answered 503/);
    expect(unavailable?.error?.hint).toMatch(/later/);

    const denied = result.statuses.get('ap-northeast-1');
    expect(denied?.state).toBe('failed');
    expect(denied?.error?.code).toBe('AccessDenied');
    expect(denied?.error?.message).toMatch(
      /not authorized to perform: cloudformation:ListResources/,
    );
    expect(denied?.error?.hint).toContain('cloudformation:ListResources');
    expect(denied?.error?.hint).toContain('cloudformation:GetResource');
    expect(denied?.error?.hint).toContain('sagemaker:ListImages');
    expect(denied?.error?.hint).toContain('sagemaker:DescribeImage');
  });

  it('reports a type without a list handler as unsupported, in each region', async () => {
    const result = await h.scan({ regions: ['us-east-1'], typeName: 'AWS::ACMPCA::Certificate' });
    expect(result.statuses.get('us-east-1')).toMatchObject({
      state: 'failed',
      error: { code: 'UnsupportedAction' },
    });
    expect(result.statuses.get('us-east-1')?.error?.message).toMatch(/no list operation/);
    expect(result.statuses.get('us-east-1')?.error?.hint).toBeTruthy();
  });

  it('reports an unknown type as not available in the region', async () => {
    const result = await h.scan({ regions: ['us-east-1'], typeName: 'AWS::Nope::Thing' });
    expect(result.statuses.get('us-east-1')).toMatchObject({
      state: 'failed',
      error: { code: 'TypeNotFound', message: 'AWS::Nope::Thing is not available in us-east-1.' },
    });
    expect(result.statuses.get('us-east-1')?.error?.hint).toMatch(/leave this region out/);
  });

  it('reports a list without its required parent model, naming the parent to give', async () => {
    const result = await h.scan({
      regions: ['us-east-1'],
      typeName: 'AWS::SageMaker::ImageVersion',
    });
    const status = result.statuses.get('us-east-1');
    expect(status).toMatchObject({ state: 'failed', error: { code: 'MissingParent' } });
    expect(status?.error?.message).toMatch(/required key \[ImageName\] not found/);
    expect(status?.error?.hint).toMatch(/per parent \(one list per AWS::SageMaker::Image\)/);
    expect(status?.error?.hint).toMatch(/ImageName/);
  });

  it('still scans an image-version list per parent, and other regions are unaffected by one down', async () => {
    const result = await h.scan({
      regions: ['us-east-1', 'us-west-2'],
      typeName: 'AWS::SageMaker::ImageVersion',
      perParent: true,
    });
    // The sandbox seeds no image versions: each image is listed, then its (empty) versions.
    expect(result.statuses.get('us-east-1')).toMatchObject({ state: 'done', listed: 0 });
    expect(result.statuses.get('us-west-2')?.state).toBe('failed');
  });
});
