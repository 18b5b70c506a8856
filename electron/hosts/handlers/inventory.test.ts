import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultOf, startHarness, type Harness } from '../../core/inventory/test-support/harness';
import { modelPackageGroups, unversionedModelPackages } from '../../sandbox/seed';
import { dispatch, type HandlerTable } from '../dispatch';
import { createInventoryHandlers } from './inventory';

let h: Harness;
let handlers: HandlerTable;
beforeAll(async () => {
  h = await startHarness();
  // Only the two inventory calls matter here; the rest of the table is never called.
  handlers = createInventoryHandlers({ scans: h.engine }) as HandlerTable;
});
afterAll(async () => {
  await h.close();
});

describe('inventory handlers', () => {
  it('inventory.scan answers a scan id at once; inventory.cancel stops it', async () => {
    const started = await dispatch(
      handlers,
      'inventory.scan',
      {
        scanId: randomUUID(),
        profile: 'Sandbox',
        regions: ['us-east-1'],
        typeName: 'AWS::SageMaker::Image',
      },
      { host: 'cli' },
    );
    expect(started).toMatchObject({ ok: true, value: { scanId: expect.any(String) as string } });
    const scanId = started.ok ? (started.value as { scanId: string }).scanId : '';
    const cancelled = await dispatch(handlers, 'inventory.cancel', { scanId }, { host: 'cli' });
    expect(cancelled).toEqual({ ok: true, value: { cancelled: true } });
    const again = await dispatch(handlers, 'inventory.cancel', { scanId }, { host: 'cli' });
    expect(again).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('inventory.scan runs under the caller’s id and refuses one already used, saying so', async () => {
    const scanId = randomUUID();
    const args = {
      scanId,
      profile: 'Sandbox',
      regions: ['us-east-1'],
      typeName: 'AWS::S3::Bucket',
    };
    const started = await dispatch(handlers, 'inventory.scan', args, { host: 'cli' });
    expect(started).toEqual({ ok: true, value: { scanId } });
    const again = await dispatch(handlers, 'inventory.scan', args, { host: 'cli' });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'InvalidArguments', message: expect.stringContaining(scanId) as unknown },
    });
    await h.engine.settled(scanId);
    expect(resultOf(scanId, h.events).finished).toMatchObject({ state: 'done', rows: 5 });
    const { scanId: _made, ...withoutId } = args;
    for (const bad of [withoutId, { ...args, scanId: 'scan-1' }]) {
      expect(await dispatch(handlers, 'inventory.scan', bad, { host: 'cli' })).toMatchObject({
        ok: false,
        error: { code: 'InvalidArguments' },
      });
    }
  });

  it('refuses a per-parent scan of a type without a known parent, saying what to do', async () => {
    const outcome = await dispatch(
      handlers,
      'inventory.scan',
      {
        scanId: randomUUID(),
        profile: 'Sandbox',
        regions: ['us-east-1'],
        typeName: 'AWS::SageMaker::Image',
        perParent: true,
      },
      { host: 'cli' },
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'InvalidArguments' } });
    expect(outcome.ok ? '' : outcome.error.hint).toMatch(/resource model/);
  });

  it('scans model packages per model package group unless told otherwise, as AWS lists them only per group', async () => {
    const regions = ['us-east-1', 'eu-west-1'];
    const scanned = async (extra: Record<string, unknown>) => {
      const started = await dispatch(
        handlers,
        'inventory.scan',
        {
          scanId: randomUUID(),
          profile: 'Sandbox',
          regions,
          typeName: 'AWS::SageMaker::ModelPackage',
          ...extra,
        },
        { host: 'cli' },
      );
      if (!started.ok) throw new Error(started.error.message);
      const { scanId } = started.value as { scanId: string };
      await h.engine.settled(scanId);
      return resultOf(scanId, h.events).rows;
    };
    const versions = regions.flatMap((region) =>
      (modelPackageGroups[region] ?? []).flatMap((g) =>
        Array.from({ length: g.versions }, (_, i) => `${region} ${g.name}/${i + 1}`),
      ),
    );
    const byDefault = await scanned({});
    expect(
      byDefault
        .map(
          (r) =>
            `${r.region} ${String(r.properties.ModelPackageGroupName)}/${String(r.properties.ModelPackageVersion)}`,
        )
        .sort(),
    ).toEqual(versions.sort());

    // An explicit empty model is the plain list: what AWS gives without a group.
    const plain = await scanned({ resourceModel: {} });
    expect(plain.map((r) => `${r.region} ${String(r.properties.ModelPackageName)}`).sort()).toEqual(
      regions
        .flatMap((region) =>
          (unversionedModelPackages[region] ?? []).map((p) => `${region} ${p.name}`),
        )
        .sort(),
    );
  });

  it('refuses invented and repeated regions before anything is scanned', async () => {
    const before = h.events.length;
    const refused = async (regions: string[], table = handlers) => {
      const outcome = await dispatch(
        table,
        'inventory.scan',
        { scanId: randomUUID(), profile: 'Sandbox', regions, typeName: 'AWS::SageMaker::Image' },
        { host: 'cli' },
      );
      expect(outcome.ok, JSON.stringify(regions.slice(0, 3))).toBe(false);
      return outcome.ok ? undefined : outcome.error;
    };
    const many = Array.from({ length: 10_000 }, (_, i) => `xx-fake-${i}`);
    expect(await refused(many)).toMatchObject({ code: 'InvalidArguments' });
    expect(await refused(['us-east-1', 'eu-west-1', 'us-east-1'])).toMatchObject({
      code: 'InvalidArguments',
      message: expect.stringContaining('"us-east-1" more than once') as unknown,
    });
    expect(await refused(['us-east-1', 'xx-fake-1'])).toMatchObject({
      code: 'InvalidArguments',
      message: expect.stringContaining('"xx-fake-1" is not a region') as unknown,
    });
    // The commercial regions are many, but each once: the cap is the known list, not a count.
    const everyCommercial = await dispatch(
      handlers,
      'inventory.scan',
      {
        scanId: randomUUID(),
        profile: 'Sandbox',
        regions: ['us-east-1', 'ap-southeast-7'],
        typeName: 'AWS::SageMaker::Image',
      },
      { host: 'cli' },
    );
    expect(everyCommercial.ok).toBe(true);
    if (everyCommercial.ok)
      await h.engine.settled((everyCommercial.value as { scanId: string }).scanId);
    const refusedEvents = h.events
      .slice(before)
      .filter(
        (e) =>
          e.payload.scanId !==
          (everyCommercial.ok ? (everyCommercial.value as { scanId: string }).scanId : ''),
      );
    expect(refusedEvents).toEqual([]);

    // The profile's own region (GovCloud here) may be scanned; another one may not.
    const gov = createInventoryHandlers({
      scans: h.engine,
      profileRegion: () => Promise.resolve('us-gov-west-1'),
    }) as HandlerTable;
    expect(await refused(['us-gov-east-1'], gov)).toMatchObject({ code: 'InvalidArguments' });
    const own = await dispatch(
      gov,
      'inventory.scan',
      {
        scanId: randomUUID(),
        profile: 'Sandbox',
        regions: ['us-gov-west-1'],
        typeName: 'AWS::SageMaker::Image',
      },
      { host: 'cli' },
    );
    expect(own.ok).toBe(true);
    if (own.ok) await h.engine.settled((own.value as { scanId: string }).scanId);
  });
});
