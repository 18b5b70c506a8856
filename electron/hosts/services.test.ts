import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryRow } from '../../shared/contract';
import { EventBus } from '../core/events';
import { startSandbox, type RunningSandbox } from '../sandbox';
import { createHostServices } from './services';

let dir: string;
let external: RunningSandbox;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cloudshelf-services-'));
  // One image only this sandbox holds: seeing it proves the Sandbox profile went there.
  external = await startSandbox({
    seed: false,
    extraSeed: (seeder) => {
      seeder.insert(
        'AWS::SageMaker::Image',
        'us-west-2',
        {
          ImageName: 'only-in-the-external-sandbox',
          RoleArn: 'arn:aws:iam::123456789012:role/SageMaker',
        },
        new Date(),
      );
    },
  });
});

afterAll(async () => {
  await external.close();
  await rm(dir, { recursive: true, force: true });
});

describe('host services', () => {
  it('points the built-in Sandbox profile at CLOUDSHELF_SANDBOX_ENDPOINT when set', async () => {
    const bus = new EventBus();
    const services = createHostServices({
      env: {
        AWS_CONFIG_FILE: join(dir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
        CLOUDSHELF_SANDBOX_ENDPOINT: external.endpoint,
      },
      bus,
      dataDir: join(dir, 'data'),
      log: () => undefined,
    });
    const rows: InventoryRow[] = [];
    bus.on('inventory.rows', (batch) => rows.push(...batch.rows));
    const { scans } = await services.loaded();
    const scanId = scans.scan({
      profile: 'Sandbox',
      regions: ['us-west-2'],
      typeName: 'AWS::SageMaker::Image',
    });
    await scans.settled(scanId);
    await services.close();
    expect(rows.map((row) => row.properties['ImageName'])).toEqual([
      'only-in-the-external-sandbox',
    ]);
  });
});
