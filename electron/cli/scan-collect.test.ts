import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryRow, RegionScanStatus } from '../../shared/contract';
import { startSandbox, type RunningSandbox } from '../sandbox';
import { imageCounts } from '../sandbox/seed/data';
import { openCliHost, type CliHost } from './host';
import { collectScan } from './scan-collect';
import { makeHome, type TestHome } from './test-helpers';

const request = {
  profile: 'Sandbox',
  regions: ['ap-northeast-1', 'eu-west-1'],
  typeName: 'AWS::SageMaker::Image',
};
let sandbox: RunningSandbox;
let home: TestHome;
let host: CliHost;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  home = await makeHome({ sandboxEndpoint: sandbox.endpoint });
  host = openCliHost({ env: home.env, version: '1.0.0', log: () => undefined });
});

afterAll(async () => {
  await host.close();
  await sandbox.close();
  await home.remove();
});

describe('collectScan', () => {
  it('hands every row to the sink, one batch after another, and each region its status', async () => {
    const rows: InventoryRow[] = [];
    const seen: RegionScanStatus[] = [];
    let writing = 0;
    const outcome = await collectScan(host.api, request, {
      rows: async (batch) => {
        // A slow sink: the next batch must wait for this one.
        expect(writing).toBe(0);
        writing++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        rows.push(...batch);
        writing--;
      },
      status: (status) => seen.push(status),
    });
    expect(outcome.state).toBe('done');
    expect(outcome.regions.map((s) => [s.region, s.state, s.hydrated])).toEqual([
      ['ap-northeast-1', 'done', imageCounts['ap-northeast-1']],
      ['eu-west-1', 'done', imageCounts['eu-west-1']],
    ]);
    expect(rows).toHaveLength(imageCounts['ap-northeast-1'] + imageCounts['eu-west-1']);
    expect(seen.some((s) => s.state === 'listing')).toBe(true);
  });

  it('starts each scan under a new UUID of its own, and its rows are that scan’s', async () => {
    const started: string[] = [];
    const api: CliHost['api'] = {
      ...host.api,
      inventory: {
        ...host.api.inventory,
        scan: (args) => {
          started.push(args.scanId);
          return host.api.inventory.scan(args);
        },
      },
    };
    const sink = { rows: () => Promise.resolve(), status: () => undefined };
    const one = { ...request, regions: ['eu-west-1'] };
    expect((await collectScan(api, one, sink)).regions[0]?.scanId).toBe(started[0]);
    await collectScan(api, one, sink);
    expect(started).toHaveLength(2);
    for (const id of started) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
    expect(started[0]).not.toBe(started[1]);
  });

  it('tells the sink each region settled, in line with the rows: after every row of it', async () => {
    const rowsByRegion = new Map<string, number>();
    const settled: [string, string, number][] = [];
    await collectScan(host.api, request, {
      rows: async (batch) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        for (const row of batch)
          rowsByRegion.set(row.region, (rowsByRegion.get(row.region) ?? 0) + 1);
      },
      status: () => undefined,
      settled: (status) => {
        settled.push([status.region, status.state, rowsByRegion.get(status.region) ?? 0]);
        return Promise.resolve();
      },
    });
    expect(settled.sort()).toEqual([
      ['ap-northeast-1', 'done', imageCounts['ap-northeast-1']],
      ['eu-west-1', 'done', imageCounts['eu-west-1']],
    ]);
  });

  it("cancels the scan and throws the sink's error when the sink fails", async () => {
    const full = Object.assign(new Error('no space left'), { code: 'ENOSPC' });
    let calls = 0;
    const scan = collectScan(host.api, request, {
      rows: () => {
        calls++;
        return Promise.reject(full);
      },
      status: () => undefined,
    });
    await expect(scan).rejects.toBe(full);
    expect(calls).toBe(1);
  });

  it('says cancelled when the signal is aborted', async () => {
    const outcome = await collectScan(
      host.api,
      request,
      { rows: () => Promise.resolve(), status: () => undefined },
      AbortSignal.abort(),
    );
    expect(outcome.state).toBe('cancelled');
    expect(outcome.regions.every((s) => s.state === 'cancelled')).toBe(true);
  });
});
