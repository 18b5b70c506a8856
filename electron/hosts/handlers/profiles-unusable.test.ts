import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutcome, ProfileList, RegionScanStatus } from '../../../shared/contract';
import { EventBus } from '../../core/events';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { dispatch, type HandlerTable } from '../dispatch';
import { createHandlers } from '../handlers';
import { createHostServices, type HostServices } from '../services';

// A profile whose settings a malformed line changes is shown with the problem and refused
// for every call that would use it; the other profiles keep working. Real SDK, real HTTP.

let dir: string;
let sandbox: RunningSandbox;
let services: HostServices;
let handlers: HandlerTable;
let configFile: string;
const bus = new EventBus();
const statuses: RegionScanStatus[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  dir = await mkdtemp(join(tmpdir(), 'cloudshelf-unusable-'));
  configFile = join(dir, 'config');
  // Without the fix, "good" silently takes broken's endpoint (a port nobody listens on).
  await writeFile(
    configFile,
    [
      '[profile good]',
      'region = us-east-1',
      `endpoint_url = ${sandbox.endpoint}`,
      '[profile broken',
      'region = us-west-2',
      'endpoint_url = http://127.0.0.1:9',
      '[profile fine]',
      'region = us-east-1',
      `endpoint_url = ${sandbox.endpoint}`,
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'credentials'),
    [
      '[good]',
      'aws_access_key_id = AKIDUNUSABLEGOOD',
      'aws_secret_access_key = unusable-secret',
      '[fine]',
      'aws_access_key_id = AKIDUNUSABLEFINE',
      'aws_secret_access_key = unusable-secret',
    ].join('\n'),
  );
  const env = {
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
  };
  services = createHostServices({ env, bus, dataDir: join(dir, 'data'), log: () => undefined });
  handlers = createHandlers({
    identity: { name: 'C', version: '1', host: 'browser' },
    env,
    services,
  });
  bus.on('inventory.status', (status) => statuses.push(status));
});

afterAll(async () => {
  await services.close();
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

const call = (name: string, args: unknown): Promise<CallOutcome> =>
  dispatch(handlers, name, args, { host: 'browser' }, () => undefined);

function failure(outcome: CallOutcome) {
  if (outcome.ok) throw new Error('expected the call to be refused');
  return outcome.error;
}

describe('a profile a malformed line changes', () => {
  it('is listed with the problem, naming the file and line', async () => {
    const outcome = await call('profiles.list', {});
    const list = (outcome.ok ? outcome.value : undefined) as ProfileList;
    expect(list.profiles.find((p) => p.name === 'good')?.problem).toMatchObject({
      file: configFile,
      line: 4,
    });
    expect(list.profiles.find((p) => p.name === 'fine')?.problem).toBeUndefined();
  });

  it('is refused for the account lookup, with the file and line', async () => {
    const error = failure(await call('profiles.identity', { profile: 'good' }));
    expect(error.message).toBe(
      `Profile good cannot be used until line 4 of ${configFile} is fixed.`,
    );
    expect(error.hint).toContain('[profile good]');
  });

  it('is refused for a scan (every region says why) and a create, while another profile scans', async () => {
    const scanned = await call('inventory.scan', {
      scanId: randomUUID(),
      profile: 'good',
      regions: ['us-east-1', 'eu-west-1'],
      typeName: 'AWS::SageMaker::Image',
    });
    const scanId = (scanned.ok ? (scanned.value as { scanId: string }) : undefined)?.scanId;
    const created = failure(
      await call('resources.create', {
        profile: 'good',
        region: 'us-east-1',
        typeName: 'AWS::SageMaker::Image',
        desiredState: { ImageName: 'x', RoleArn: 'arn:aws:iam::123456789012:role/x' },
      }),
    );
    expect(created.message).toContain(`line 4 of ${configFile}`);

    const { scans } = await services.loaded();
    await scans.settled(scanId ?? '');
    const ended = statuses.filter((s) => s.scanId === scanId && s.state === 'failed');
    expect(ended.map((s) => s.region).sort()).toEqual(['eu-west-1', 'us-east-1']);
    for (const status of ended) expect(status.error?.message).toContain(`line 4 of ${configFile}`);

    const other = await call('profiles.identity', { profile: 'fine' });
    expect(other.ok).toBe(true);
  });
});
