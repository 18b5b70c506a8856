import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageCounts } from '../../sandbox/seed';
import { startHarness, type Harness } from './test-support/harness';

const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1'];
const retried = { throttling: 0, transient: 0 };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    sandbox: { faults: { latencyMs: 1, throttleRate: 0.2, serverErrorRate: 0.05 } },
    // The SDK retries once (so both retry layers are exercised), the engine does the rest.
    sessions: { maxAttempts: 2, retryDelayMs: 1 },
    engine: {
      observer: {
        retried: (kind) => {
          retried[kind] += 1;
        },
      },
    },
  });
});
afterAll(async () => {
  await h.close();
});

describe('scan under 20% throttling and 5% server errors', () => {
  it('hydrates exactly the sandbox contents: no row lost or doubled, no region failed', async () => {
    for (let run = 0; run < 3; run++) {
      const result = await h.scan({ regions, typeName: 'AWS::SageMaker::Image' });
      expect(result.rows).toHaveLength(85);
      expect(new Set(result.rows.map((r) => r.key)).size).toBe(85);
      for (const region of regions) {
        const count = imageCounts[region as keyof typeof imageCounts];
        expect(result.statuses.get(region)).toMatchObject({
          state: 'done',
          listed: count,
          hydrated: count,
        });
        expect(result.statuses.get(region)?.error).toBeUndefined();
      }
      expect(result.rows.every((r) => typeof r.properties.ImageRoleArn === 'string')).toBe(true);
    }
    // The faults happened and were absorbed by retries.
    expect(retried.throttling).toBeGreaterThan(0);
  });

  it('per-parent model packages are exact too', async () => {
    const result = await h.scan({
      regions,
      typeName: 'AWS::SageMaker::ModelPackage',
      perParent: true,
    });
    expect(result.rows).toHaveLength(20);
    expect(new Set(result.rows.map((r) => r.key)).size).toBe(20);
    expect([...result.statuses.values()].every((s) => s.state === 'done')).toBe(true);
  });
});
