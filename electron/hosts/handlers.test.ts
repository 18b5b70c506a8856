import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryRow, RegionScanStatus } from '../../shared/contract';
import { EventBus } from '../core/events';
import { imageCounts } from '../sandbox/seed';
import { dispatch, type HandlerTable } from './dispatch';
import { createHandlers } from './handlers';
import { createHostServices, type HostServices } from './services';

// The whole stack as a host wires it: handler table → services → session provider →
// the in-process sandbox behind the built-in Sandbox profile, over real HTTP.
let dir: string;
let services: HostServices;
let handlers: HandlerTable;
const bus = new EventBus();
const context = { host: 'cli' } as const;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cloudshelf-handlers-'));
  const env = {
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
  };
  services = createHostServices({ env, bus, dataDir: join(dir, 'data'), log: () => undefined });
  handlers = createHandlers({
    identity: { name: 'Cloudshelf', version: '1.0.0', host: 'cli' },
    env,
    services,
  });
});

afterAll(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

describe('handler table on the built-in Sandbox profile', () => {
  it('knows the Sandbox account', async () => {
    const outcome = await dispatch(handlers, 'profiles.identity', { profile: 'Sandbox' }, context);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect((outcome.value as { account: string }).account).toMatch(/^\d{12}$/);
  });

  it('finds SageMaker images in the catalog', async () => {
    const outcome = await dispatch(
      handlers,
      'catalog.search',
      { query: 'sagemaker image' },
      context,
    );
    if (!outcome.ok) throw new Error(outcome.error.message);
    const { types } = outcome.value as { types: { typeName: string }[] };
    expect(types[0]?.typeName).toBe('AWS::SageMaker::Image');
  });

  it('scans SageMaker images over every sandbox region: exactly the seeded set', async () => {
    const counts: Readonly<Record<string, number>> = imageCounts;
    const regions = Object.keys(counts);
    const rows: InventoryRow[] = [];
    const statuses = new Map<string, RegionScanStatus>();
    const offRows = bus.on('inventory.rows', (batch) => rows.push(...batch.rows));
    const offStatus = bus.on('inventory.status', (status) => statuses.set(status.region, status));
    const finished = new Promise<string>((resolve) => {
      bus.on('inventory.finished', (event) => {
        resolve(event.state);
      });
    });

    const outcome = await dispatch(
      handlers,
      'inventory.scan',
      { scanId: randomUUID(), profile: 'Sandbox', regions, typeName: 'AWS::SageMaker::Image' },
      context,
    );
    expect(outcome.ok).toBe(true);
    expect(await finished).toBe('done');
    offRows();
    offStatus();

    const expectedTotal = Object.values(counts).reduce((sum, n) => sum + n, 0);
    expect(rows).toHaveLength(expectedTotal);
    expect(new Set(rows.map((row) => row.key)).size).toBe(expectedTotal);
    for (const region of regions) {
      expect(rows.filter((row) => row.region === region)).toHaveLength(counts[region] ?? -1);
      expect(statuses.get(region)).toMatchObject({
        state: 'done',
        listed: counts[region],
        hydrated: counts[region],
      });
    }
    // Hydrated rows carry the full model, not just the identifier a list returns.
    expect(rows[0]?.properties).toHaveProperty('ImageName');
    expect(rows[0]?.properties).toHaveProperty('ImageRoleArn');
  });

  it('skips a region that does not offer the type instead of failing there', async () => {
    const statuses = new Map<string, RegionScanStatus>();
    const off = bus.on('inventory.status', (status) => statuses.set(status.region, status));
    const finished = new Promise<void>((resolve) => {
      bus.on('inventory.finished', () => {
        resolve();
      });
    });
    // The region data says this type is missing from us-east-1 and present in us-east-2.
    const outcome = await dispatch(
      handlers,
      'inventory.scan',
      {
        scanId: randomUUID(),
        profile: 'Sandbox',
        regions: ['us-east-1', 'us-east-2'],
        typeName: 'AWS::GameLiftStreams::StreamGroup',
      },
      context,
    );
    expect(outcome.ok).toBe(true);
    await finished;
    off();
    expect(statuses.get('us-east-1')).toMatchObject({
      state: 'skipped',
      error: { code: 'NotOffered' },
    });
    expect(statuses.get('us-east-2')?.state).toBe('done');
  });

  it('serves the request journal and refuses changes through a read-only profile', async () => {
    const listed = await dispatch(handlers, 'requests.list', {}, context);
    expect(listed).toEqual({ ok: true, value: { requests: [] } });
    await services.settings.update({ profiles: { Sandbox: { readOnly: true } } });
    const refused = await dispatch(
      handlers,
      'resources.delete',
      {
        profile: 'Sandbox',
        typeName: 'AWS::SageMaker::Image',
        items: [{ region: 'us-east-1', identifier: 'pytorch-2-1-gpu' }],
      },
      context,
    );
    await services.settings.update({ profiles: { Sandbox: { readOnly: false } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ReadOnlyProfile' } });
  });
});
