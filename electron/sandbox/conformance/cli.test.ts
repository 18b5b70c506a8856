/**
 * Conformance: the sandbox through the AWS CLI (a separate, Python implementation of the same
 * protocols). Where no AWS CLI is installed the suite skips and says why.
 *
 * The CLI runs as a child process, always asynchronously: the sandbox lives in this process and
 * a blocking spawn would stop it from answering.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../index';
import { imageCounts } from '../seed';
import { accessKeyFor, isRecord, requireValue, sleep } from './helpers';

const IMAGE = 'AWS::SageMaker::Image';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/SageMakerExecution';
const REPO_ROOT = new URL('../../../', import.meta.url);

interface CliInfo {
  path: string;
  version: string;
}

/**
 * Prefers Debian's aws-cli v2 at /usr/bin/aws; otherwise the first `aws` on PATH that runs.
 * (Checked synchronously at collection time, before any sandbox exists in this process.)
 */
function findCli(): CliInfo | undefined {
  const candidates = [
    '/usr/bin/aws',
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'aws')),
  ];
  for (const path of new Set(candidates)) {
    try {
      accessSync(path, constants.X_OK);
    } catch {
      continue;
    }
    const probe = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000 });
    const version = `${probe.stdout}${probe.stderr}`.trim();
    if (probe.status === 0 && /^aws-cli\//.test(version)) return { path, version };
  }
  return undefined;
}

const cli = findCli();
console.log(
  cli
    ? `[sandbox conformance] CLI suite uses ${cli.path}: ${cli.version}`
    : '[sandbox conformance] CLI suite skipped: no working AWS CLI (`aws --version`) at /usr/bin/aws or on PATH.',
);

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

let sandbox: RunningSandbox;
let configDir: string;

/**
 * The suite's own CLI configuration. aws-cli v1 prints timestamps as the wire sent them (epoch
 * seconds) unless told otherwise, v2 as ISO 8601: the setting makes both print ISO, and the
 * checks below read the instant either way.
 */
const CLI_CONFIG = '[default]\ncli_timestamp_format = iso8601\n';

/**
 * The CLI's environment: nothing of the developer's AWS setup (every AWS_* variable dropped,
 * HOME pointed at the suite's folder so ~/.aws — config, credentials, aliases, caches — is never
 * read), only the suite's own files and keys.
 */
function cliEnv(accessKeyId: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('AWS_')) env[key] = value;
  }
  return {
    ...env,
    HOME: configDir,
    USERPROFILE: configDir,
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: 'x',
    AWS_CONFIG_FILE: join(configDir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(configDir, 'credentials'),
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CLI_AUTO_PROMPT: 'off',
  };
}

/** Runs the CLI against an endpoint (the in-process sandbox unless given) and never rejects. */
function aws(
  args: readonly string[],
  options: { region: string; accessKeyId?: string; endpoint?: string },
): Promise<CliResult> {
  const { path } = requireValue(cli, 'AWS CLI');
  const fullArgs = [
    ...args,
    '--region',
    options.region,
    '--endpoint-url',
    options.endpoint ?? sandbox.endpoint,
    '--output',
    'json',
  ];
  return new Promise((resolve) => {
    execFile(
      path,
      fullArgs,
      {
        env: cliEnv(options.accessKeyId ?? 'AKIDSANDBOX'),
        timeout: 30_000,
        maxBuffer: 32 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function parseJson(result: CliResult): Record<string, unknown> {
  expect(result.code, result.stderr).toBe(0);
  const parsed: unknown = JSON.parse(result.stdout);
  if (!isRecord(parsed)) throw new Error(`CLI printed no JSON object: ${result.stdout}`);
  return parsed;
}

function field<T>(value: unknown, key: string, check: (v: unknown) => v is T): T {
  const inner = isRecord(value) ? value[key] : undefined;
  if (!check(inner))
    throw new Error(`${key} missing or of the wrong type in ${JSON.stringify(value)}`);
  return inner;
}

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * The instant a CLI-printed timestamp stands for, in ms: ISO 8601 text (v2, or v1 with
 * `cli_timestamp_format = iso8601`) or epoch seconds (v1's default). NaN for anything else.
 */
function instantOf(value: unknown): number {
  if (typeof value === 'number') return value * 1000;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return Date.parse(value);
  return Number.NaN;
}
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);

function identifiersOf(listing: Record<string, unknown>): string[] {
  return field(listing, 'ResourceDescriptions', isArray).map((d) =>
    field(d, 'Identifier', isString),
  );
}

/** Polls get-resource-request-status until a terminal status; each CLI call takes ~1 s. */
async function pollStatus(
  token: string,
  region: string,
  accessKeyId: string,
): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const status = parseJson(
      await aws(['cloudcontrol', 'get-resource-request-status', '--request-token', token], {
        region,
        accessKeyId,
      }),
    );
    const event = field(status, 'ProgressEvent', isRecord);
    if (['SUCCESS', 'FAILED', 'CANCEL_COMPLETE'].includes(String(event.OperationStatus)))
      return event;
    await sleep(50);
  }
  throw new Error(`request ${token} did not finish`);
}

/** get-resource of one image: the JSON in its ResourceDescription's Properties string. */
async function imageProperties(
  identifier: string,
  region: string,
  accessKeyId: string,
): Promise<unknown> {
  const got = parseJson(
    await aws(['cloudcontrol', 'get-resource', '--type-name', IMAGE, '--identifier', identifier], {
      region,
      accessKeyId,
    }),
  );
  return JSON.parse(field(field(got, 'ResourceDescription', isRecord), 'Properties', isString));
}

describe.skipIf(!cli)('AWS CLI against the sandbox', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    configDir = mkdtempSync(join(tmpdir(), 'cloudshelf-cli-'));
    writeFileSync(join(configDir, 'config'), CLI_CONFIG);
    writeFileSync(join(configDir, 'credentials'), '');
    sandbox = await startSandbox({ port: 0, seed: true, mutationDelayMs: 20 });
  });

  afterAll(async () => {
    await sandbox.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  it('lists the seeded images in eu-west-1, and every us-east-1 image across pages (auto-pagination)', async () => {
    const [euWest1, usEast1, firstPage] = await Promise.all([
      aws(['cloudcontrol', 'list-resources', '--type-name', IMAGE], { region: 'eu-west-1' }),
      aws(['cloudcontrol', 'list-resources', '--type-name', IMAGE], { region: 'us-east-1' }),
      aws(['cloudcontrol', 'list-resources', '--type-name', IMAGE, '--no-paginate'], {
        region: 'us-east-1',
      }),
    ]);

    const eu = identifiersOf(parseJson(euWest1));
    expect(eu).toHaveLength(imageCounts['eu-west-1']);
    for (const arn of eu) expect(arn).toMatch(/^arn:aws:sagemaker:eu-west-1:\d{12}:image\/.+/);

    const all = identifiersOf(parseJson(usEast1));
    const page = parseJson(firstPage);
    expect(identifiersOf(page)).toHaveLength(25);
    expect(field(page, 'NextToken', isString)).not.toBe('');
    expect(all).toHaveLength(imageCounts['us-east-1']);
    expect(all.length).toBeGreaterThan(25);
    expect(new Set(all).size).toBe(all.length);
    for (const description of field(parseJson(usEast1), 'ResourceDescriptions', isArray)) {
      const properties: unknown = JSON.parse(field(description, 'Properties', isString));
      expect(Object.keys(isRecord(properties) ? properties : {})).toEqual(['ImageArn']);
    }
  });

  it("reads only the suite's own configuration, never the developer's AWS environment", async () => {
    const saved = process.env.AWS_PROFILE;
    // A developer's profile that does not exist here would make the CLI refuse every command.
    process.env.AWS_PROFILE = 'a-developer-profile-this-suite-never-wrote';
    try {
      const setting = await aws(['configure', 'get', 'cli_timestamp_format'], {
        region: 'us-east-1',
      });
      expect(setting.code, setting.stderr).toBe(0);
      expect(setting.stdout.trim()).toBe('iso8601');
    } finally {
      if (saved === undefined) delete process.env.AWS_PROFILE;
      else process.env.AWS_PROFILE = saved;
    }
  });

  it('round-trips create → status polling → get → update (patch) → get → delete', async () => {
    const region = 'us-west-2';
    const accessKeyId = accessKeyFor('cliroundtrip');
    const name = `cli-${Date.now().toString(36)}`;

    const created = parseJson(
      await aws(
        [
          'cloudcontrol',
          'create-resource',
          '--type-name',
          IMAGE,
          '--desired-state',
          JSON.stringify({ ImageName: name, ImageRoleArn: ROLE_ARN }),
        ],
        { region, accessKeyId },
      ),
    );
    const first = field(created, 'ProgressEvent', isRecord);
    expect(first.Operation).toBe('CREATE');
    expect(['PENDING', 'IN_PROGRESS']).toContain(first.OperationStatus);
    // The wire carries epoch seconds; whichever way the CLI prints them, it is a recent instant.
    const eventTime = instantOf(first.EventTime);
    expect(eventTime, `EventTime ${JSON.stringify(first.EventTime)}`).not.toBeNaN();
    expect(Math.abs(Date.now() - eventTime)).toBeLessThan(600_000);

    const done = await pollStatus(field(first, 'RequestToken', isString), region, accessKeyId);
    expect(done.OperationStatus).toBe('SUCCESS');
    const identifier = field(done, 'Identifier', isString);
    expect(identifier).toMatch(new RegExp(`^arn:aws:sagemaker:us-west-2:\\d{12}:image/${name}$`));

    expect(await imageProperties(identifier, region, accessKeyId)).toMatchObject({
      ImageName: name,
      ImageRoleArn: ROLE_ARN,
      ImageArn: identifier,
    });

    const updated = parseJson(
      await aws(
        [
          'cloudcontrol',
          'update-resource',
          '--type-name',
          IMAGE,
          '--identifier',
          identifier,
          '--patch-document',
          JSON.stringify([{ op: 'add', path: '/ImageDescription', value: 'set by the CLI' }]),
        ],
        { region, accessKeyId },
      ),
    );
    const updating = field(updated, 'ProgressEvent', isRecord);
    expect(updating.Operation).toBe('UPDATE');
    expect(
      (await pollStatus(field(updating, 'RequestToken', isString), region, accessKeyId))
        .OperationStatus,
    ).toBe('SUCCESS');
    expect(await imageProperties(identifier, region, accessKeyId)).toMatchObject({
      ImageName: name,
      ImageDescription: 'set by the CLI',
    });

    const deleted = parseJson(
      await aws(
        ['cloudcontrol', 'delete-resource', '--type-name', IMAGE, '--identifier', identifier],
        {
          region,
          accessKeyId,
        },
      ),
    );
    const deleting = field(deleted, 'ProgressEvent', isRecord);
    expect(deleting.Operation).toBe('DELETE');
    expect(
      (await pollStatus(field(deleting, 'RequestToken', isString), region, accessKeyId))
        .OperationStatus,
    ).toBe('SUCCESS');
  });

  it('reports a missing resource as ResourceNotFoundException with a CLI error exit code; describes a type', async () => {
    const missing = `arn:aws:sagemaker:eu-west-1:${'1'.repeat(12)}:image/not-there`;
    const [notFound, described] = await Promise.all([
      aws(['cloudcontrol', 'get-resource', '--type-name', IMAGE, '--identifier', missing], {
        region: 'eu-west-1',
      }),
      aws(['cloudformation', 'describe-type', '--type', 'RESOURCE', '--type-name', IMAGE], {
        region: 'us-east-1',
      }),
    ]);

    // aws-cli v2 exits 254 on a service error; v1 exits 255.
    expect([254, 255]).toContain(notFound.code);
    expect(notFound.stderr).toContain('ResourceNotFoundException');
    expect(notFound.stderr).toContain(missing);

    const type = parseJson(described);
    expect(type.TypeName).toBe(IMAGE);
    expect(type.Type).toBe('RESOURCE');
    expect(type.ProvisioningType).toBe('FULLY_MUTABLE');
    expect(type.Visibility).toBe('PUBLIC');
    const schema: unknown = JSON.parse(field(type, 'Schema', isString));
    expect(schema).toMatchObject({ typeName: IMAGE, primaryIdentifier: ['/properties/ImageArn'] });
  });

  const packageJson: unknown = JSON.parse(readFileSync(new URL('package.json', REPO_ROOT), 'utf8'));
  const scripts = isRecord(packageJson) && isRecord(packageJson.scripts) ? packageJson.scripts : {};
  const hasSandboxScript = typeof scripts.sandbox === 'string';
  if (!hasSandboxScript) {
    console.log(
      '[sandbox conformance] `npm run sandbox` check skipped: package.json has no "sandbox" script yet.',
    );
  }

  it.skipIf(!hasSandboxScript)(
    '`npm run sandbox -- --port <n>` prints its endpoint, serves the CLI, and stops on SIGTERM',
    async () => {
      const child = spawn('npm', ['run', '--silent', 'sandbox', '--', '--port', '0'], {
        cwd: REPO_ROOT,
        env: { ...process.env },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => {
        child.on('exit', (code) => {
          resolve(code);
        });
      });
      try {
        const deadline = Date.now() + 15_000;
        let endpoint: string | undefined;
        while (!endpoint && Date.now() < deadline) {
          endpoint = /Sandbox endpoint: (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
          if (!endpoint) await sleep(50);
        }
        expect(endpoint, output).toBeDefined();
        const listed = await aws(['cloudcontrol', 'list-resources', '--type-name', IMAGE], {
          region: 'eu-west-1',
          endpoint: requireValue(endpoint, 'endpoint'),
        });
        expect(identifiersOf(parseJson(listed)).length).toBeGreaterThan(0);
      } finally {
        // npm relays SIGTERM to the script; signal the whole group in case it does not.
        if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      }
      const code = await Promise.race([exited, sleep(5_000).then(() => 'timeout' as const)]);
      expect(code, output).not.toBe('timeout');
      expect([0, 130, 143, null]).toContain(code);
    },
    30_000,
  );
});
