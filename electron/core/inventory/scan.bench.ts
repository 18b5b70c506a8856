import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { defaultCatalog } from '../../sandbox/defaults';
import { startSandbox, type RunningSandbox } from '../../sandbox/index';
import type { TypeCatalog } from '../../sandbox/schema/type-model';
import { EventBus } from '../events';
import { createScanEngine, type ScanEngine } from './scan';
import { record, registryTypeInfo, resultOf, type Recorded } from './test-support/harness';
import { sandboxSessions, type SandboxSessions } from './test-support/sandbox-sessions';

/**
 * Issue 4's scan benchmark: one type (SageMaker images) in 16 regions, 6 list pages per
 * region, 3,000 resources to hydrate in all, 40 ms latency per call, and a 25 requests/s
 * per-region limit on both sides (the sandbox throttles beyond it; the client limits to it).
 * Prints the wall time against the critical-path bound, the region-after-region baseline,
 * and the throttling errors that reached the caller (must be 0). One run each: the figures
 * are seconds long and stable, so tinybench's repetition would only multiply the wait.
 */
const typeName = 'AWS::SageMaker::Image';
const regions = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1',
  'eu-north-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1',
  'ap-southeast-2', 'ap-south-1', 'ca-central-1', 'sa-east-1',
]; // prettier-ignore
const totalResources = 3000;
const pageSize = 32; // 187–188 per region → 6 pages each
const latencyMs = 40;
const rps = 25;
const countIn = (index: number): number =>
  Math.floor(totalResources / regions.length) + (index < totalResources % regions.length ? 1 : 0);

/** The registry catalog with this type's handler page size set for the benchmark's shape. */
function withPageSize(base: TypeCatalog): TypeCatalog {
  return {
    get: (name) => {
      const type = base.get(name);
      return type && name === typeName ? { ...type, pageSize } : type;
    },
    typeNames: () => base.typeNames(),
  };
}

let sandbox: RunningSandbox;
let sessions: SandboxSessions;
let engine: ScanEngine;
let events: Recorded[];
const retried = { throttling: 0, transient: 0 };
const figures: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    seed: false,
    catalog: withPageSize(await defaultCatalog()),
    faults: { latencyMs, regionRps: rps },
    extraSeed: (seeder) => {
      regions.forEach((region, r) => {
        for (let i = 0; i < countIn(r); i++) {
          seeder.insert(
            typeName,
            region,
            {
              ImageName: `bench-${r}-${i}`,
              ImageRoleArn: `arn:aws:iam::${seeder.account}:role/bench`,
            },
            new Date(0),
          );
        }
      });
    },
  });
  sessions = sandboxSessions(sandbox.endpoint);
  const bus = new EventBus();
  events = record(bus);
  engine = createScanEngine({
    sessions,
    bus,
    typeInfo: await registryTypeInfo(),
    limits: { requestsPerSecond: rps, hydrateConcurrency: 8 },
    observer: { retried: (kind) => (retried[kind] += 1) },
  });
});

afterAll(async () => {
  sessions.destroy();
  await sandbox.close();
  console.log(['', 'Scan benchmark (issue 4)', ...figures, ''].join('\n'));
});

async function timedScan(
  scanRegions: string[],
): Promise<{ ms: number; rows: number; failed: string[]; throttled: number }> {
  const started = performance.now();
  const scanId = engine.scan({
    scanId: randomUUID(),
    profile: 'bench',
    regions: scanRegions,
    typeName,
  });
  await engine.settled(scanId);
  const ms = performance.now() - started;
  const result = resultOf(scanId, events);
  const failed = [...result.statuses.values()].filter((s) => s.state !== 'done');
  return {
    ms,
    rows: result.rows.length,
    failed: failed.map((s) => `${s.region}: ${s.error?.code ?? s.state}`),
    throttled: failed.filter((s) => s.error?.code === 'Throttling').length,
  };
}

describe('inventory scan: 16 regions × 6 pages, 3,000 hydrations, 40 ms, 25 req/s', () => {
  bench(
    'parallel scan vs critical-path bound, and the region-after-region baseline',
    async () => {
      const slowest = Math.max(...regions.map((_, r) => countIn(r)));
      const pages = Math.ceil(slowest / pageSize);
      const boundMs = pages * latencyMs + (slowest / rps) * 1000;

      const parallel = await timedScan(regions);
      let sequentialMs = 0;
      let sequentialRows = 0;
      const sequentialFailed: string[] = [];
      let sequentialThrottled = 0;
      for (const region of regions) {
        const one = await timedScan([region]);
        sequentialMs += one.ms;
        sequentialRows += one.rows;
        sequentialFailed.push(...one.failed);
        sequentialThrottled += one.throttled;
      }
      const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
      figures.push(
        `  rows: ${parallel.rows} (expected ${totalResources}); regions failed: ${parallel.failed.length ? parallel.failed.join(', ') : 'none'}`,
        `  critical-path bound: ${pages} pages × ${latencyMs} ms + ${slowest} reads / ${rps} per s = ${s(boundMs)}`,
        `  parallel scan wall time: ${s(parallel.ms)} → ${(parallel.ms / boundMs).toFixed(2)}× the bound (target ≤ 1.25×)`,
        `  region after region (baseline): ${s(sequentialMs)} → ${(sequentialMs / boundMs).toFixed(2)}× the bound; rows ${sequentialRows}; failed: ${sequentialFailed.length ? sequentialFailed.join(', ') : 'none'}`,
        `  speed-up over the baseline: ${(sequentialMs / parallel.ms).toFixed(1)}×`,
        `  throttling errors that reached the caller: ${parallel.throttled + sequentialThrottled} (must be 0)`,
        `  throttles absorbed by the engine's retries: ${retried.throttling}; 5xx/network retries: ${retried.transient}`,
      );
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
