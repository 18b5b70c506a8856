import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { imageCounts } from '../../sandbox/seed/data';
import { makeHome, run, type TestHome } from '../test-helpers';

// The command against a real sandbox over HTTP, seeded with SageMaker images
// (us-east-1 60, eu-west-1 12).
const IMAGE = 'AWS::SageMaker::Image';
const PACKAGE = 'AWS::SageMaker::ModelPackage';

interface ExportRecord {
  region: string;
  properties: Record<string, unknown>;
}
let sandbox: RunningSandbox;
let home: TestHome;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  home = await makeHome({
    sandboxEndpoint: sandbox.endpoint,
    // A profile of the user's own, pointed at the sandbox: any key is an account there.
    config: [
      '[profile dev]',
      'region = eu-west-1',
      `endpoint_url = ${sandbox.endpoint}`,
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      '',
    ].join('\n'),
  });
});

afterAll(async () => {
  await sandbox.close();
  await home.remove();
});

const parseCsv = (text: string): string[][] => parse(text, { bom: true });

// Concurrent: most of a run is waiting on the sandbox (the core paces its calls per region).
describe.concurrent('cloudshelf export', () => {
  it('writes CSV to stdout: a header and every row of the regions asked for', async ({
    expect,
  }) => {
    const result = await run(
      ['export', '--sandbox', '--type', IMAGE, '--regions', 'us-east-1,eu-west-1'],
      home.env,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [header, ...rows] = parseCsv(result.stdout);
    // Region first, then the table's default columns.
    expect(header?.slice(0, 3)).toEqual(['Region', 'Identifier', 'ImageName']);
    expect(rows).toHaveLength(imageCounts['us-east-1'] + imageCounts['eu-west-1']);
    const byRegion = new Map<string, number>();
    for (const row of rows) byRegion.set(row[0] ?? '', (byRegion.get(row[0] ?? '') ?? 0) + 1);
    expect(Object.fromEntries(byRegion)).toEqual({
      'us-east-1': imageCounts['us-east-1'],
      'eu-west-1': imageCounts['eu-west-1'],
    });
    expect(new Set(rows.map((row) => row[1])).size).toBe(rows.length);
  });

  it('writes JSON Lines with every property of every row', async ({ expect }) => {
    // --profile wins over AWS_PROFILE.
    const result = await run(
      [
        'export',
        '--profile',
        'Sandbox',
        '--type',
        IMAGE,
        '--regions',
        'eu-west-1',
        '--format',
        'jsonl',
      ],
      { ...home.env, AWS_PROFILE: 'nobody' },
    );
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(imageCounts['eu-west-1']);
    for (const line of lines) {
      const record = JSON.parse(line) as ExportRecord;
      expect(record.region).toBe('eu-west-1');
      // Hydrated: the full model, not just what a list returns.
      expect(record.properties).toHaveProperty('ImageName');
      expect(record.properties).toHaveProperty('ImageRoleArn');
      expect(record.properties).toHaveProperty('ImageArn');
    }
  });

  it('writes --out, in the format its extension names, and nothing to stdout', async ({
    expect,
  }) => {
    const out = join(home.dir, 'images.json');
    const result = await run(
      ['export', '--sandbox', '--type', IMAGE, '--regions', 'eu-west-1', '--out', out],
      home.env,
    );
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const records = JSON.parse(await readFile(out, 'utf8')) as unknown[];
    expect(records).toHaveLength(imageCounts['eu-west-1']);
    // The temporary file was renamed into place, not left beside it.
    expect((await readdir(home.dir)).filter((name) => name.includes('images.json.'))).toEqual([]);
  });

  it('keeps the order of --columns, matching property names and ids', async ({ expect }) => {
    const result = await run(
      [
        'export',
        '--sandbox',
        '--type',
        IMAGE,
        '--regions',
        'eu-west-1',
        '--columns',
        'ImageName,region,account,identifier',
      ],
      home.env,
    );
    expect(result.code).toBe(0);
    const [header, first] = parseCsv(result.stdout);
    expect(header).toEqual(['ImageName', 'Region', 'Account', 'Identifier']);
    expect(first?.[1]).toBe('eu-west-1');
    expect(first?.[2]).toMatch(/^\d{12}$/);
    expect(first?.[3]).toContain(`image/${first?.[0] ?? ''}`);
  });

  it('uses AWS_PROFILE and its region by default, and adds a BOM with --bom', async ({
    expect,
  }) => {
    const result = await run(['export', '--type', IMAGE, '--bom'], {
      ...home.env,
      AWS_PROFILE: 'dev',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(result.stdout).slice(1);
    expect(rows).toHaveLength(imageCounts['eu-west-1']);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(['eu-west-1']));
  });

  it('starts its own sandbox in-process for --sandbox when no endpoint is set', async ({
    expect,
  }) => {
    const { CLOUDSHELF_SANDBOX_ENDPOINT: _external, ...env } = home.env;
    const result = await run(
      ['export', '--sandbox', '--type', IMAGE, '--regions', 'ap-northeast-1', '--format', 'jsonl'],
      env,
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(imageCounts['ap-northeast-1']);
  });

  it('warns about a region that does not offer the type, and still succeeds', async ({
    expect,
  }) => {
    const type = 'AWS::GameLiftStreams::StreamGroup';
    const result = await run(['export', '--sandbox', '--type', type, '--regions', 'us-east-1'], {
      ...home.env,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^cloudshelf: us-east-1 skipped: AWS::GameLiftStreams::StreamGroup is not offered in us-east-1[^\n]*\n$/,
    );
    // A header and no rows.
    expect(parseCsv(result.stdout)).toHaveLength(1);
  });

  it('scans a type listed inside a parent with --resource-model, or --per-parent', async ({
    expect,
  }) => {
    const base = ['export', '--sandbox', '--type', PACKAGE, '--regions', 'eu-west-1'];
    const model = ['--resource-model', '{"ModelPackageGroupName":"credit-risk"}'];
    const [one, every] = await Promise.all([
      run([...base, ...model, '--format', 'jsonl'], home.env),
      run([...base, '--per-parent', '--format', 'jsonl'], home.env),
    ]);
    expect(one).toMatchObject({ code: 0, stderr: '' });
    const groups = (text: string) =>
      text
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as ExportRecord).properties['ModelPackageGroupName']);
    // The seed: credit-risk has 4 versions, document-classifier 2.
    expect(groups(one.stdout)).toEqual(Array<string>(4).fill('credit-risk'));
    expect(every).toMatchObject({ code: 0, stderr: '' });
    expect(groups(every.stdout).sort()).toEqual([
      ...Array<string>(4).fill('credit-risk'),
      ...Array<string>(2).fill('document-classifier'),
    ]);
  });

  it('shows progress on stderr only when stderr is a terminal', async ({ expect }) => {
    const args = ['export', '--sandbox', '--type', IMAGE, '--regions', 'eu-west-1,ap-northeast-1'];
    const tty = await run(args, home.env, { stderrTTY: true });
    expect(tty.code).toBe(0);
    // Redrawn in place, and left with its final state on a line of its own.
    expect(tty.stderr).toContain('\r\x1b[2K');
    expect(tty.stderr).toMatch(/eu-west-1 12 rows ✓ · ap-northeast-1 5 rows ✓\n$/);
    expect(parseCsv(tty.stdout)).toHaveLength(1 + 12 + 5);

    // Not a terminal: the other tests here see an empty stderr.
    // Rows printed on the terminal itself would be mangled by a redrawn line.
    const bothOnTerminal = await run(args, home.env, { stderrTTY: true, stdoutTTY: true });
    expect(bothOnTerminal.stderr).toBe('');
  });

  it('stops quietly when the reader of stdout goes away (| head)', async ({ expect }) => {
    const closed = new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const result = await run(['export', '--sandbox', '--type', IMAGE], home.env, {
      io: { stdout: closed },
    });
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });

  it('leaves no file and exits 130 when interrupted', async ({ expect }) => {
    const out = join(home.dir, 'interrupted.csv');
    const interrupted = AbortSignal.abort();
    const result = await run(['export', '--sandbox', '--type', IMAGE, '--out', out], home.env, {
      io: { signal: interrupted },
    });
    expect(result.code).toBe(130);
    expect(await readdir(home.dir)).not.toContain('interrupted.csv');
    expect((await readdir(home.dir)).filter((name) => name.includes('interrupted'))).toEqual([]);
  });

  it('names a missing folder for --out in one line, before scanning', async ({ expect }) => {
    const out = join(home.dir, 'missing', 'images.csv');
    const result = await run(['export', '--sandbox', '--type', IMAGE, '--out', out], home.env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `cloudshelf: cannot write ${out}: the folder ${join(home.dir, 'missing')} does not exist\n`,
    );
  });
});
