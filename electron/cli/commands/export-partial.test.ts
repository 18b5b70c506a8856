import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { imageCounts } from '../../sandbox/seed/data';
import { makeHome, run, type TestHome } from '../test-helpers';

// A region that fails part-way: us-east-1 goes down (503) once it has answered a few
// GetResource calls, so some of its 60 images are written and the rest never arrive.
const IMAGE = 'AWS::SageMaker::Image';
const READS_BEFORE_DOWN = 10;
const regions = ['--regions', 'us-east-1,eu-west-1'];

interface ExportRecord {
  region: string;
  complete?: unknown;
  properties: Record<string, unknown>;
}

let sandbox: RunningSandbox;
let home: TestHome;
let reads = 0;

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    log: (line) => {
      if (!/^cloudcontrolapi us-east-1 GetResource 200 /.test(line)) return;
      reads += 1;
      if (reads === READS_BEFORE_DOWN) {
        sandbox.faults.set({ downRegions: { 'us-east-1': 'unavailable' } });
      }
    },
  });
  home = await makeHome({ sandboxEndpoint: sandbox.endpoint });
});

beforeEach(() => {
  reads = 0;
  sandbox.faults.reset();
});

afterAll(async () => {
  await sandbox.close();
  await home.remove();
});

const failedAfter = (count: number): RegExp =>
  new RegExp(
    `^cloudshelf: us-east-1 failed after ${count} rows; its list is incomplete, so those rows are marked "complete": false: Cloud Control in us-east-1 answered 503[^\\n]*\\n$`,
  );

describe('cloudshelf export with a region that fails mid-scan', () => {
  it('JSON Lines: the failed region’s rows say "complete": false, the line says how many', async () => {
    const result = await run(
      ['export', '--sandbox', '--type', IMAGE, ...regions, '--format', 'jsonl'],
      home.env,
    );
    expect(result.code).toBe(2);
    const records = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as ExportRecord);
    const east = records.filter((r) => r.region === 'us-east-1');
    const west = records.filter((r) => r.region === 'eu-west-1');
    expect(east.length).toBeGreaterThanOrEqual(READS_BEFORE_DOWN);
    expect(east.length).toBeLessThan(imageCounts['us-east-1']);
    expect(east.every((r) => r.complete === false)).toBe(true);
    expect(west).toHaveLength(imageCounts['eu-west-1']);
    expect(west.every((r) => r.complete === true)).toBe(true);
    expect(result.stderr).toMatch(failedAfter(east.length));
  });

  it('JSON with --allow-partial: exit 0, the rows kept and marked, in a valid array', async () => {
    const out = join(home.dir, 'partial.json');
    const result = await run(
      ['export', '--sandbox', '--type', IMAGE, ...regions, '--allow-partial', '--out', out],
      home.env,
    );
    expect(result.code).toBe(0);
    const records = JSON.parse(await readFile(out, 'utf8')) as ExportRecord[];
    const east = records.filter((r) => r.region === 'us-east-1');
    expect(east.length).toBeGreaterThanOrEqual(READS_BEFORE_DOWN);
    expect(east.every((r) => !r.complete)).toBe(true);
    expect(records.filter((r) => r.complete)).toHaveLength(imageCounts['eu-west-1']);
    expect(result.stderr).toMatch(failedAfter(east.length));
  });

  it('CSV: the rows stay and the line says how many', async () => {
    const result = await run(['export', '--sandbox', '--type', IMAGE, ...regions], home.env);
    expect(result.code).toBe(2);
    const rows = parse(result.stdout).slice(1);
    const east = rows.filter((row) => row[0] === 'us-east-1');
    expect(east.length).toBeGreaterThanOrEqual(READS_BEFORE_DOWN);
    expect(result.stderr).toMatch(
      new RegExp(
        `^cloudshelf: us-east-1 failed after ${east.length} rows; its list is incomplete: Cloud Control`,
      ),
    );
  });
});

describe('cloudshelf export of a global type no region could read', () => {
  it('says how many rows are missing, and fails', async () => {
    const down = { GetResource: 'unavailable' as const };
    sandbox.faults.set({
      downOperations: { 'us-east-1': down, 'eu-west-1': down, 'us-west-2': down },
    });
    const result = await run(
      [
        'export',
        '--sandbox',
        '--type',
        'AWS::IAM::Role',
        '--regions',
        'us-east-1,eu-west-1,us-west-2',
        '--format',
        'jsonl',
      ],
      home.env,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^cloudshelf: 4 AWS::IAM::Role rows listed by [a-z0-9-]+ are missing: every region that listed them failed to read them$/m,
    );
  });
});
