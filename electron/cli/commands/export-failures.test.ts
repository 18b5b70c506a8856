import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { imageCounts } from '../../sandbox/seed/data';
import { makeHome, run, type TestHome } from '../test-helpers';

// A sandbox whose eu-west-1 is down (connections refused): the command must keep
// us-east-1's rows, say what happened to eu-west-1 in one line, and exit accordingly.
const IMAGE = 'AWS::SageMaker::Image';
let sandbox: RunningSandbox;
let home: TestHome;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, faults: { downRegions: { 'eu-west-1': 'refuse' } } });
  home = await makeHome({ sandboxEndpoint: sandbox.endpoint });
});

afterAll(async () => {
  await sandbox.close();
  await home.remove();
});

const failedLine = /^cloudshelf: eu-west-1 failed: eu-west-1 did not answer[^\n]*\n$/;

// Concurrent: each run waits out the SDK's retries against the dead region.
describe.concurrent('cloudshelf export with a failing region', () => {
  it('writes the other regions, reports the failed one in a line, and exits 2 unless --allow-partial', async ({
    expect,
  }) => {
    const out = join(home.dir, 'partial.csv');
    const args = ['export', '--sandbox', '--type', IMAGE, '--regions', 'us-east-1,eu-west-1'];
    const [strict, allowed] = await Promise.all([
      run(args, home.env),
      run([...args, '--allow-partial', '--out', out], home.env),
    ]);

    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(failedLine);
    const rows = parse(strict.stdout).slice(1);
    expect(rows).toHaveLength(imageCounts['us-east-1']);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(['us-east-1']));

    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toMatch(failedLine);
    expect(allowed.stdout).toBe('');
    // The rows that did arrive are kept in the file.
    const saved = parse(await readFile(out, 'utf8')).slice(1);
    expect(saved).toHaveLength(imageCounts['us-east-1']);
  });

  it('exits 1 and leaves no file when every region failed', async ({ expect }) => {
    const out = join(home.dir, 'none.csv');
    const result = await run(
      ['export', '--sandbox', '--type', IMAGE, '--regions', 'eu-west-1', '--out', out],
      home.env,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(failedLine);
    await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
