import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep } from './abort';
import { resultOf, startHarness, type Harness } from './test-support/harness';

const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1'];
let attempts = 0;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    sandbox: { faults: { latencyMs: 15 } },
    engine: {
      observer: {
        attempted: () => {
          attempts += 1;
        },
      },
    },
  });
});
afterAll(async () => {
  await h.close();
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await sleep(2);
  if (!check()) throw new Error('timed out');
}

describe('scan: cancel and supersede', () => {
  it('cancel: regions end cancelled, and not one event of the scan follows cancel()', async () => {
    const scanId = h.engine.scan({
      scanId: randomUUID(),
      profile: 'Sandbox',
      regions,
      typeName: 'AWS::SageMaker::Image',
    });
    await until(() =>
      h.events.some((e) => e.event === 'inventory.rows' && e.payload.scanId === scanId),
    );
    expect(h.engine.cancel(scanId)).toBe(true);
    const atCancel = resultOf(scanId, h.events);
    const attemptsAtCancel = attempts;
    expect(atCancel.finished).toMatchObject({ state: 'cancelled' });
    expect(atCancel.rows.length).toBeLessThan(85);
    expect(atCancel.finished?.rows).toBe(atCancel.rows.length);
    for (const region of regions) {
      expect(['cancelled', 'done']).toContain(atCancel.statuses.get(region)?.state);
    }
    expect([...atCancel.statuses.values()].some((s) => s.state === 'cancelled')).toBe(true);

    await h.engine.settled(scanId);
    await sleep(300);
    expect(resultOf(scanId, h.events).events).toHaveLength(atCancel.events.length);
    // The SDK calls were aborted: no more requests went out after the cancel.
    expect(attempts).toBe(attemptsAtCancel);
    expect(h.engine.cancel(scanId)).toBe(false);
  });

  it('a newer scan of the same view supersedes the older one, which falls silent', async () => {
    const request = { profile: 'Sandbox', regions, typeName: 'AWS::SageMaker::Image' };
    const older = h.engine.scan({ ...request, scanId: randomUUID() });
    await until(() =>
      h.events.some((e) => e.event === 'inventory.rows' && e.payload.scanId === older),
    );
    const newer = h.engine.scan({
      scanId: randomUUID(),
      ...request,
      regions: [...regions].reverse(),
    });
    const olderAtSupersede = resultOf(older, h.events);
    expect(olderAtSupersede.finished?.state).toBe('superseded');

    await h.engine.settled(newer);
    await h.engine.settled(older);
    await sleep(100);
    expect(resultOf(older, h.events).events).toHaveLength(olderAtSupersede.events.length);
    const result = resultOf(newer, h.events);
    expect(result.finished).toMatchObject({ state: 'done', rows: 85 });
    expect(result.rows).toHaveLength(85);
  });

  it('a scan of another view (another parent model or type) runs alongside', async () => {
    const a = h.engine.scan({
      scanId: randomUUID(),
      profile: 'Sandbox',
      regions,
      typeName: 'AWS::SageMaker::Image',
    });
    const b = h.engine.scan({
      scanId: randomUUID(),
      profile: 'Sandbox',
      regions,
      typeName: 'AWS::S3::Bucket',
    });
    const c = h.engine.scan({
      scanId: randomUUID(),
      profile: 'Sandbox',
      regions: ['us-east-1'],
      typeName: 'AWS::SageMaker::ModelPackage',
      resourceModel: { ModelPackageGroupName: 'churn-prediction' },
    });
    await Promise.all([a, b, c].map((id) => h.engine.settled(id)));
    expect(resultOf(a, h.events).finished).toMatchObject({ state: 'done', rows: 85 });
    expect(resultOf(b, h.events).finished).toMatchObject({ state: 'done', rows: 5 });
    expect(resultOf(c, h.events).finished).toMatchObject({ state: 'done', rows: 5 });
  });
});
