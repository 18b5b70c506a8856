import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TrackedRequest } from '../../../shared/contract';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { rawRequest } from '../../test-support/raw-http';
import { main, type LaunchIo } from './launch';
import { makeTempSite, openStream, type OpenStream, type TempSite } from './test-helpers';

// Browser mode end to end: creates of the three best-known types with write-only secrets,
// through the HTTP calls, against a sandbox on the real registry schemas. Afterwards, and
// after a restart, no secret is in any call answer, event, log line or file of the data folder.
const REGION = 'eu-west-1';
const PASSWORD = 'iam-password-9b1e-only-here';
const SECRET_STRING = 'secretsmanager-string-4c7d-only-here';
const MASTER_PASSWORD = 'rds-master-password-2f8a-only-here';
const NEW_PASSWORD = 'iam-new-password-6e0c-only-here';
const secrets = [PASSWORD, SECRET_STRING, MASTER_PASSWORD, NEW_PASSWORD];

const creates = [
  {
    typeName: 'AWS::IAM::User',
    desiredState: { UserName: 'web-secret-user', LoginProfile: { Password: PASSWORD } },
  },
  {
    typeName: 'AWS::SecretsManager::Secret',
    desiredState: { Name: 'web/app-secret', SecretString: SECRET_STRING },
  },
  {
    typeName: 'AWS::RDS::DBInstance',
    desiredState: {
      DBInstanceIdentifier: 'web-secret-db',
      DBInstanceClass: 'db.t3.micro',
      Engine: 'postgres',
      AllocatedStorage: '20',
      MasterUsername: 'admin',
      MasterUserPassword: MASTER_PASSWORD,
    },
  },
];

let site: TempSite;
let sandbox: RunningSandbox;
let dataDir: string;
beforeAll(async () => {
  site = await makeTempSite();
  dataDir = path.join(site.base, 'data');
  sandbox = await startSandbox({ seed: false, mutationDelayMs: 20 });
});
afterAll(async () => {
  await sandbox.close();
  await site.remove();
});

interface Host {
  call(name: string, args: object): Promise<unknown>;
  /** Every call's answer, as received. */
  answers: string[];
  stream: OpenStream;
  stderr: string[];
  close(): Promise<void>;
}

async function startHost(): Promise<Host> {
  const stderr: string[] = [];
  const stdout: string[] = [];
  const io: LaunchIo = {
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    version: '1.0.0',
    env: {
      AWS_CONFIG_FILE: path.join(site.base, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(site.base, 'none'),
      CLOUDSHELF_DATA_DIR: dataDir,
      CLOUDSHELF_SANDBOX_ENDPOINT: sandbox.endpoint,
    },
    staticDir: site.root,
  };
  const { server } = await main(['--port', '0'], io);
  if (!server) throw new Error(stderr.join('\n'));
  const stream = await openStream({
    port: server.port,
    path: `/api/events?token=${server.token}`,
  });
  const answers: string[] = [];
  return {
    answers,
    stream,
    stderr,
    async call(name, args) {
      const res = await rawRequest({
        port: server.port,
        method: 'POST',
        path: `/api/call/${name}`,
        headers: { 'content-type': 'application/json', 'x-cloudshelf-token': server.token },
        body: JSON.stringify(args),
      });
      answers.push(res.body);
      const outcome = JSON.parse(res.body) as { ok: boolean; value: unknown };
      expect(outcome.ok, res.body).toBe(true);
      return outcome.value;
    },
    async close() {
      stream.disconnect();
      await server.close();
    },
  };
}

async function dataFolderText(): Promise<string> {
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  expect(files.map((entry) => entry.name)).toContain('requests.json');
  const texts = await Promise.all(
    files.map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8')),
  );
  return texts.join('\n');
}

function expectNoSecret(where: string, text: string): void {
  for (const secret of secrets)
    expect(text, `${where} holds a write-only value`).not.toContain(secret);
}

async function allSucceeded(host: Host, count: number): Promise<TrackedRequest[]> {
  let requests: TrackedRequest[] = [];
  await vi.waitFor(
    async () => {
      ({ requests } = (await host.call('requests.list', {})) as { requests: TrackedRequest[] });
      expect(requests.filter((r) => r.status === 'SUCCESS')).toHaveLength(count);
    },
    { timeout: 10_000, interval: 50 },
  );
  return requests;
}

describe('write-only values in browser mode', () => {
  it('never reach a call answer, an event, the log or the data folder, before or after a restart', async () => {
    const first = await startHost();
    try {
      for (const create of creates) {
        await first.call('resources.create', { profile: 'Sandbox', region: REGION, ...create });
      }
      await allSucceeded(first, creates.length);
      await first.call('resources.update', {
        profile: 'Sandbox',
        region: REGION,
        typeName: 'AWS::IAM::User',
        identifier: 'web-secret-user',
        patch: [{ op: 'replace', path: '/LoginProfile', value: { Password: NEW_PASSWORD } }],
      });
      const requests = await allSucceeded(first, creates.length + 1);
      expect(
        requests.find((r) => r.typeName === 'AWS::RDS::DBInstance')?.desiredState,
      ).toMatchObject({
        MasterUsername: 'admin',
        MasterUserPassword: expect.stringMatching(/write-only/) as string,
      });
      // What a scan shows: AWS (and the sandbox) never return write-only values either.
      for (const { typeName } of creates) {
        const { scanId } = (await first.call('inventory.scan', {
          scanId: randomUUID(),
          profile: 'Sandbox',
          regions: [REGION],
          typeName,
        })) as { scanId: string };
        await first.stream.waitFor(`"scanId":"${scanId}","state":"done"`, 10_000);
      }
      expect(first.stream.text()).toContain('web-secret-db');
      expectNoSecret('a call answer', first.answers.join('\n'));
      expectNoSecret('an event', first.stream.text());
      expectNoSecret('the log', first.stderr.join('\n'));
    } finally {
      await first.close();
    }
    expectNoSecret('the data folder', await dataFolderText());

    const second = await startHost();
    try {
      const { requests } = (await second.call('requests.list', {})) as {
        requests: TrackedRequest[];
      };
      expect(requests).toHaveLength(creates.length + 1);
      expectNoSecret('a call answer after a restart', second.answers.join('\n'));
      expectNoSecret('an event after a restart', second.stream.text());
      expectNoSecret('the log after a restart', second.stderr.join('\n'));
    } finally {
      await second.close();
    }
    expectNoSecret('the data folder after a restart', await dataFolderText());
  });
});
