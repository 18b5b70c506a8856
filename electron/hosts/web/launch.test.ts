import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TrackedRequest } from '../../../shared/contract';
import { startSandbox } from '../../sandbox';
import { manualClock } from '../../sandbox/test-support/sandbox';
import { main, parseArgs, type LaunchIo } from './launch';
import { rawRequest } from '../../test-support/raw-http';
import { makeTempSite, type TempSite } from './test-helpers';

describe('parseArgs', () => {
  it('defaults to port 0 (a free port)', () => {
    expect(parseArgs([])).toEqual({ ok: true, port: 0, help: false });
  });

  it('reads --port <n> and --port=<n>', () => {
    expect(parseArgs(['--port', '8080'])).toEqual({ ok: true, port: 8080, help: false });
    expect(parseArgs(['--port=65535'])).toEqual({ ok: true, port: 65535, help: false });
    expect(parseArgs(['--port', '0'])).toEqual({ ok: true, port: 0, help: false });
  });

  it.each([
    [['--port'], 'needs a number'],
    [['--port', 'abc'], '"abc"'],
    [['--port', '65536'], 'from 0 to 65535'],
    [['--port', '-1'], 'from 0 to 65535'],
    [['--port', '80.5'], 'from 0 to 65535'],
    [['--port='], 'from 0 to 65535'],
    [['--host', '0.0.0.0'], 'unknown argument "--host"'],
  ])('refuses %j', (argv, expected) => {
    const result = parseArgs(argv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(expected);
  });
});

describe('main', () => {
  let site: TempSite;
  beforeAll(async () => {
    site = await makeTempSite();
  });
  afterAll(() => site.remove());

  function io(staticDir: string): LaunchIo & { stdout: string[]; stderr: string[] } {
    const stdout: string[] = [];
    const stderr: string[] = [];
    return {
      stdout,
      stderr,
      out: (line) => stdout.push(line),
      err: (line) => stderr.push(line),
      version: '3.2.1',
      env: {
        AWS_CONFIG_FILE: path.join(staticDir, 'none'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(staticDir, 'none'),
      },
      staticDir,
    };
  }

  it('prints exactly one line with the address and token, and that address works', async () => {
    const streams = io(site.root);
    const result = await main(['--port', '0'], streams);
    try {
      expect(result.exitCode).toBe(0);
      expect(streams.stdout).toHaveLength(1);
      const match = /^Cloudshelf: http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{43})$/.exec(
        streams.stdout[0] ?? '',
      );
      expect(match).not.toBeNull();
      const port = Number(match?.[1]);
      const page = await rawRequest({ port, path: '/' });
      expect(page.status).toBe(200);
      const info = await rawRequest({
        port,
        method: 'POST',
        path: '/api/call/app.info',
        headers: { 'content-type': 'application/json', 'x-cloudshelf-token': match?.[2] ?? '' },
        body: '{}',
      });
      expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { version: '3.2.1' } });
    } finally {
      await result.server?.close();
    }
  });

  it('exports through the calls and hands the file out once at the address finish gives', async () => {
    const streams = io(site.root);
    streams.env = { ...streams.env, CLOUDSHELF_DATA_DIR: path.join(site.base, 'data') };
    const result = await main(['--port', '0'], streams);
    try {
      const match = /:(\d+)\/\?token=(.+)$/.exec(streams.stdout[0] ?? '');
      const port = Number(match?.[1]);
      const call = async (name: string, args: object): Promise<unknown> => {
        const res = await rawRequest({
          port,
          method: 'POST',
          path: `/api/call/${name}`,
          headers: { 'content-type': 'application/json', 'x-cloudshelf-token': match?.[2] ?? '' },
          body: JSON.stringify(args),
        });
        const outcome = JSON.parse(res.body) as { ok: boolean; value: unknown };
        expect(outcome.ok, res.body).toBe(true);
        return outcome.value;
      };
      const { exportId } = (await call('export.begin', {
        format: 'csv',
        typeName: 'AWS::SageMaker::Image',
        columns: [{ id: 'region', header: 'Region', kind: 'text', source: { field: 'region' } }],
        options: { bom: false, neutralizeFormulas: true },
        suggestedName: 'images.csv',
        totalRows: 1,
      })) as { exportId: string };
      const row = {
        key: 'k',
        typeName: 'AWS::SageMaker::Image',
        account: '123456789012',
        region: 'eu-west-1',
        identifier: 'img',
        properties: {},
        readAt: 0,
      };
      await call('export.rows', { exportId, rows: [row] });
      const finished = (await call('export.finish', { exportId })) as { downloadUrl: string };
      expect(finished).toMatchObject({ rows: 1, path: null });
      const download = await rawRequest({ port, path: finished.downloadUrl });
      expect(download.status).toBe(200);
      expect(download.headers['content-disposition']).toBe('attachment; filename=images.csv');
      expect(download.body).toBe('Region\r\neu-west-1\r\n');
      expect((await rawRequest({ port, path: finished.downloadUrl })).status).toBe(404);
    } finally {
      await result.server?.close();
    }
  });

  it('tracks a request its journal holds in flight to SUCCESS as it starts, with no page or call', async () => {
    // The sandbox's lifecycle moves only when the test moves its clock.
    const step = 60_000;
    const clock = manualClock(Date.now());
    const sandbox = await startSandbox({ seed: false, mutationDelayMs: step, clock: clock.now });
    const dataDir = path.join(site.base, 'resume-data');
    const streams = (): LaunchIo => {
      const base = io(site.root);
      return {
        ...base,
        env: {
          ...base.env,
          CLOUDSHELF_DATA_DIR: dataDir,
          CLOUDSHELF_SANDBOX_ENDPOINT: sandbox.endpoint,
        },
      };
    };
    const journal = async (): Promise<TrackedRequest[]> =>
      (
        JSON.parse(await readFile(path.join(dataDir, 'requests.json'), 'utf8')) as {
          requests: TrackedRequest[];
        }
      ).requests;
    try {
      const firstIo = streams();
      const first = await main(['--port', '0'], firstIo);
      const sent = await rawRequest({
        port: first.server?.port ?? 0,
        method: 'POST',
        path: '/api/call/resources.create',
        headers: {
          'content-type': 'application/json',
          'x-cloudshelf-token': first.server?.token ?? '',
        },
        body: JSON.stringify({
          profile: 'Sandbox',
          region: 'eu-west-1',
          typeName: 'AWS::SageMaker::Image',
          desiredState: {
            ImageName: 'resumed-at-start',
            ImageRoleArn: 'arn:aws:iam::123456789012:role/SageMaker',
          },
        }),
      });
      expect(JSON.parse(sent.body), sent.body).toMatchObject({ ok: true });
      await first.server?.close();
      expect((await journal()).map((r) => r.status)).toEqual(['PENDING']);

      clock.advance(2 * step);
      const second = await main(['--port', '0'], streams());
      try {
        await vi.waitFor(
          async () => {
            expect((await journal()).map((r) => r.status)).toEqual(['SUCCESS']);
          },
          { timeout: 10_000, interval: 50 },
        );
      } finally {
        await second.server?.close();
      }
    } finally {
      await sandbox.close();
    }
  });

  it('exits 2 with one line for a bad port, printing nothing on stdout', async () => {
    const streams = io(site.root);
    const result = await main(['--port', 'eighty'], streams);
    expect(result.exitCode).toBe(2);
    expect(streams.stdout).toEqual([]);
    expect(streams.stderr).toHaveLength(1);
    expect(streams.stderr[0]).toContain('--port must be a whole number');
  });

  it('tells to run npm run build when the renderer build is missing', async () => {
    const streams = io(path.join(site.base, 'missing'));
    const result = await main([], streams);
    expect(result.exitCode).toBe(1);
    expect(streams.stderr).toHaveLength(1);
    expect(streams.stderr[0]).toContain('npm run build');
  });

  it('says which port is taken when it cannot listen', async () => {
    const first = await main([], io(site.root));
    try {
      const streams = io(site.root);
      const second = await main(['--port', String(first.server?.port)], streams);
      expect(second.exitCode).toBe(1);
      expect(streams.stderr[0]).toContain(`port ${first.server?.port} is already in use`);
    } finally {
      await first.server?.close();
    }
  });
});
