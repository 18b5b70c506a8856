import { randomUUID } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryRow, TrackedRequest } from '../../shared/contract';
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
      scanId: randomUUID(),
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

describe('host services: mutations', () => {
  it('resumes the journal on first loaded(), sends the unsent request once, and stops on close', async () => {
    const fast = await startSandbox({ seed: false, mutationDelayMs: 20 });
    const dataDir = join(dir, 'resume-data');
    await mkdir(dataDir, { recursive: true });
    // Journaled by an earlier run that stopped before AWS answered.
    const unsent: TrackedRequest = {
      id: '3f1c2a9e-1d7b-4c55-9e7a-0b6f5d7e8a91',
      requestToken: null,
      profile: 'Sandbox',
      region: 'us-west-2',
      typeName: 'AWS::SageMaker::Image',
      operation: 'CREATE',
      identifier: null,
      status: 'PENDING',
      statusMessage: null,
      errorCode: null,
      desiredState: {
        ImageName: 'resumed-at-start',
        ImageRoleArn: 'arn:aws:iam::123456789012:role/SageMaker',
      },
      patch: null,
      startedAt: Date.now(),
      updatedAt: Date.now(),
      finishedAt: null,
    };
    await writeFile(
      join(dataDir, 'requests.json'),
      JSON.stringify({ version: 1, requests: [unsent] }),
    );
    const bus = new EventBus();
    const services = createHostServices({
      env: {
        AWS_CONFIG_FILE: join(dir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
        CLOUDSHELF_SANDBOX_ENDPOINT: fast.endpoint,
      },
      bus,
      dataDir,
      log: () => undefined,
    });
    const finished = new Promise<TrackedRequest>((resolve) => {
      bus.on('requests.changed', (request) => {
        if (request.status === 'SUCCESS') resolve(request);
      });
    });
    try {
      await services.loaded();
      expect(await finished).toMatchObject({
        id: unsent.id,
        identifier: expect.stringMatching(/image\/resumed-at-start$/) as string,
      });
      const [request] = await services.mutations.list();
      expect(request?.status).toBe('SUCCESS');
    } finally {
      await services.close();
      await fast.close();
    }
    await expect(
      services.mutations.create({
        profile: 'Sandbox',
        region: 'us-west-2',
        typeName: 'AWS::SageMaker::Image',
        desiredState: {},
      }),
    ).rejects.toMatchObject({ code: 'Unavailable' });
  });

  it('leaves the journal alone when told not to resume (the command line)', async () => {
    const dataDir = join(dir, 'no-resume-data');
    await mkdir(dataDir, { recursive: true });
    const journal = JSON.stringify({
      version: 1,
      requests: [
        {
          id: '9b2e1f3c-5a4d-4e6f-8a7b-1c2d3e4f5a6b',
          requestToken: null,
          profile: 'Sandbox',
          region: 'us-west-2',
          typeName: 'AWS::SageMaker::Image',
          operation: 'CREATE',
          identifier: null,
          status: 'PENDING',
          statusMessage: null,
          errorCode: null,
          desiredState: { ImageName: 'not-mine-to-send' },
          patch: null,
          startedAt: 1,
          updatedAt: 1,
          finishedAt: null,
        },
      ],
    });
    await writeFile(join(dataDir, 'requests.json'), journal);
    const fast = await startSandbox({ seed: false, mutationDelayMs: 20 });
    const bus = new EventBus();
    const changes: TrackedRequest[] = [];
    bus.on('requests.changed', (request) => changes.push(request));
    const services = createHostServices({
      env: {
        AWS_CONFIG_FILE: join(dir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
        CLOUDSHELF_SANDBOX_ENDPOINT: fast.endpoint,
      },
      bus,
      dataDir,
      log: () => undefined,
      resumeMutations: false,
    });
    try {
      await services.loaded();
      // Resuming would have sent and finished the create well within this time.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(changes).toEqual([]);
      expect(await readFile(join(dataDir, 'requests.json'), 'utf8')).toBe(journal);
    } finally {
      await services.close();
      await fast.close();
    }
  });
});

describe.runIf(process.platform !== 'win32')('host services: the data folder', () => {
  it('makes an existing readable data folder and its files owner-only when opened', async () => {
    const dataDir = join(dir, 'readable-data');
    const files = ['settings.json', 'catalog/us-east-1/index.json'].map((name) =>
      join(dataDir, name),
    );
    for (const file of files) {
      await mkdir(join(file, '..'), { recursive: true, mode: 0o755 });
      await writeFile(file, '{}');
      await chmod(file, 0o644);
    }
    await chmod(dataDir, 0o755);
    const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

    const services = createHostServices({
      env: {
        AWS_CONFIG_FILE: join(dir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      },
      bus: new EventBus(),
      dataDir,
      log: () => undefined,
      resumeMutations: false,
    });
    // Closed before anything is read or written in it.
    expect(await mode(dataDir)).toBe(0o700);
    await services.settings.update({ browse: { profile: 'dev' } });
    await services.close();
    expect(await mode(join(dataDir, 'catalog'))).toBe(0o700);
    expect(await mode(join(dataDir, 'catalog', 'us-east-1'))).toBe(0o700);
    for (const file of files) expect(await mode(file)).toBe(0o600);
  });
});
