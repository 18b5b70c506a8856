// npm run soak: the shipped `cloudshelf` command (dist/electron/cli.cjs), run as a process
// against a sandbox that throttles, fails with 5xx, has one region down and one denying
// access, with thousands of rows in one region. Each run's rows are compared with a run
// without faults: a healthy region must lose no row and double none, and every faulty
// region must be reported. Exits 1 when any run breaks that.
//   --runs=N (default 6)   --rows=N rows in eu-central-1 (default 5,000)
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FaultConfig } from '../../sandbox/faults';
import { startSandbox } from '../../sandbox';

const IMAGE = 'AWS::SageMaker::Image';
const BIG = 'eu-central-1';
const DOWN = 'ap-northeast-1';
const DENIED = 'us-west-2';
const HEALTHY = ['us-east-1', 'eu-west-1', BIG];
const REGIONS = [...HEALTHY, DOWN, DENIED];

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg === undefined ? fallback : Number(arg.split('=')[1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number`);
  return value;
}

interface Outcome {
  exitCode: number | null;
  seconds: number;
  /** Identifiers written, per region, with repeats. */
  rows: Map<string, string[]>;
  stderr: string;
}

async function exportOnce(cli: string, endpoint: string, home: string): Promise<Outcome> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      cli,
      'export',
      '--sandbox',
      '--type',
      IMAGE,
      '--regions',
      REGIONS.join(','),
      '--format',
      'jsonl',
    ],
    {
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: home,
        CLOUDSHELF_DATA_DIR: path.join(home, 'data'),
        CLOUDSHELF_SANDBOX_ENDPOINT: endpoint,
        AWS_CONFIG_FILE: path.join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const rows = new Map<string, string[]>();
  for (const line of stdout.split('\n')) {
    if (line === '') continue;
    const record = JSON.parse(line) as { region: string; identifier: string };
    rows.set(record.region, [...(rows.get(record.region) ?? []), record.identifier]);
  }
  return { exitCode, seconds: (Date.now() - started) / 1000, rows, stderr };
}

async function main(): Promise<number> {
  const runs = option('runs', 6);
  const bigRows = option('rows', 5000);
  const cli = path.resolve('dist/electron/cli.cjs');
  const home = await mkdtemp(path.join(tmpdir(), 'cloudshelf-soak-'));
  await writeFile(path.join(home, 'config'), '');
  await writeFile(path.join(home, 'credentials'), '');
  const sandbox = await startSandbox({
    port: 0,
    extraSeed: (seeder) => {
      for (let i = 0; i < bigRows; i++) {
        seeder.insert(
          IMAGE,
          BIG,
          {
            ImageName: `soak-${String(i)}`,
            ImageRoleArn: `arn:aws:iam::${seeder.account}:role/soak`,
          },
          new Date(0),
        );
      }
    },
  });

  let broken = 0;
  try {
    const baseline = await exportOnce(cli, sandbox.endpoint, home);
    if (baseline.exitCode !== 0)
      throw new Error(`the run without faults failed:\n${baseline.stderr}`);
    const expected = new Map(REGIONS.map((r) => [r, new Set(baseline.rows.get(r) ?? [])]));
    console.log(
      `baseline: ${REGIONS.map((r) => `${r} ${String(expected.get(r)?.size ?? 0)}`).join(', ')} rows in ${baseline.seconds.toFixed(1)} s`,
    );
    console.log(
      '| run | throttled | 5xx | exit | lost | doubled | foreign | faulty regions reported | s |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (let run = 1; run <= runs; run++) {
      const faults: FaultConfig = {
        throttleRate: 0.2 + (0.1 * (run - 1)) / Math.max(1, runs - 1),
        serverErrorRate: 0.05 + (0.05 * (run - 1)) / Math.max(1, runs - 1),
        downRegions: { [DOWN]: run % 2 === 0 ? 'refuse' : 'unavailable' },
        accessDeniedRegions: [DENIED],
        randomSeed: run,
      };
      sandbox.faults.replace(faults);
      const outcome = await exportOnce(cli, sandbox.endpoint, home);
      sandbox.faults.reset();
      let lost = 0;
      let doubled = 0;
      let foreign = 0;
      for (const region of HEALTHY) {
        const want = expected.get(region) ?? new Set<string>();
        const got = outcome.rows.get(region) ?? [];
        const seen = new Set(got);
        doubled += got.length - seen.size;
        for (const id of want) if (!seen.has(id)) lost++;
        for (const id of seen) if (!want.has(id)) foreign++;
      }
      const reported = [DOWN, DENIED].every((region) =>
        outcome.stderr.split('\n').some((line) => line.startsWith(`cloudshelf: ${region} failed`)),
      );
      const ok = lost === 0 && doubled === 0 && foreign === 0 && reported && outcome.exitCode === 2;
      if (!ok) broken++;
      console.log(
        `| ${String(run)} | ${((faults.throttleRate ?? 0) * 100).toFixed(0)} % | ${((faults.serverErrorRate ?? 0) * 100).toFixed(0)} % | ${String(outcome.exitCode)} | ${String(lost)} | ${String(doubled)} | ${String(foreign)} | ${reported ? 'yes' : 'NO'} | ${outcome.seconds.toFixed(1)} |`,
      );
      if (!ok) console.log(outcome.stderr);
    }
  } finally {
    await sandbox.close();
    await rm(home, { recursive: true, force: true });
  }
  console.log(
    broken === 0
      ? `soak: ${String(runs)} of ${String(runs)} runs held`
      : `soak: ${String(broken)} runs broke`,
  );
  return broken === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`soak: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
