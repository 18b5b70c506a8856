import { randomUUID } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetResourceCommand } from '@aws-sdk/client-cloudcontrol';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TrackedRequest } from '../../../shared/contract';
import { defaultCatalog } from '../../sandbox/defaults';
import { createRequestJournal } from './journal';
import type { SecretBox } from './secret-box';
import { PROFILE, startMutationHarness, type MutationHarness } from './test-support/harness';
import { REDACTED } from './write-only';

// Write-only values (passwords, secret strings) against the sandbox on the real registry
// schemas: they reach AWS, and nothing Cloudshelf shows or keeps afterwards.
const REGION = 'eu-west-1';
const PASSWORD = 'Pa55word-only-for-iam-7f3c';
const SECRET_STRING = 'secret-string-only-for-secretsmanager-91ab';
const MASTER_PASSWORD = 'master-password-only-for-rds-c2d4';
const NEW_PASSWORD = 'Pa55word-only-for-the-update-e8a1';
const secrets = [PASSWORD, SECRET_STRING, MASTER_PASSWORD, NEW_PASSWORD];

const creates = [
  {
    typeName: 'AWS::IAM::User',
    desiredState: { UserName: 'secret-user', LoginProfile: { Password: PASSWORD } },
  },
  {
    typeName: 'AWS::SecretsManager::Secret',
    desiredState: { Name: 'app/database', SecretString: SECRET_STRING },
  },
  {
    typeName: 'AWS::RDS::DBInstance',
    desiredState: {
      DBInstanceIdentifier: 'secret-db',
      DBInstanceClass: 'db.t3.micro',
      Engine: 'mysql',
      AllocatedStorage: '20',
      MasterUsername: 'admin',
      MasterUserPassword: MASTER_PASSWORD,
    },
  },
];

let h: MutationHarness;
beforeAll(async () => {
  h = await startMutationHarness({ sandbox: { catalog: await defaultCatalog() } });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.events.length = 0;
  h.logs.length = 0;
});

/** Every file in the data folder, as text. */
async function dataFolderText(): Promise<string> {
  const names = await readdir(h.dataDir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    names
      .filter((entry) => entry.isFile())
      .map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')),
  );
  return texts.join('\n');
}

function expectNoSecret(where: string, text: string): void {
  for (const secret of secrets)
    expect(text, `${where} holds a write-only value`).not.toContain(secret);
}

async function resourceModel(typeName: string, identifier: string): Promise<unknown> {
  const { cloudControl } = await h.sessions.clients(PROFILE, REGION);
  const { ResourceDescription } = await cloudControl.send(
    new GetResourceCommand({ TypeName: typeName, Identifier: identifier }),
  );
  return JSON.parse(ResourceDescription?.Properties ?? '{}');
}

describe('write-only values', () => {
  it('are sent, then kept out of results, events, the list, logs and the data folder', async () => {
    const results: TrackedRequest[] = [];
    for (const create of creates) {
      results.push(await h.service.create({ profile: PROFILE, region: REGION, ...create }));
    }
    const finished = await Promise.all(results.map((r) => h.service.settled(r.id)));
    for (const request of finished)
      expect(request?.status, request?.statusMessage ?? '').toBe('SUCCESS');
    const [user] = finished;

    // The values did reach AWS: the resources exist as asked.
    const model = await resourceModel('AWS::IAM::User', user?.identifier ?? '');
    expect(model).toMatchObject({ UserName: 'secret-user' });
    // As in AWS, a read never shows them.
    expect(model).not.toHaveProperty(['LoginProfile', 'Password']);
    // What was sent is still shown, the write-only values replaced by a marker.
    expect(results[0]?.desiredState).toEqual({
      UserName: 'secret-user',
      LoginProfile: { Password: REDACTED },
    });
    expect(results[2]?.desiredState).toMatchObject({
      MasterUsername: 'admin',
      MasterUserPassword: REDACTED,
    });

    const updated = await h.service.update({
      profile: PROFILE,
      region: REGION,
      typeName: 'AWS::IAM::User',
      identifier: user?.identifier ?? '',
      patch: [{ op: 'add', path: '/LoginProfile', value: { Password: NEW_PASSWORD } }],
    });
    expect(updated.patch).toEqual([
      { op: 'add', path: '/LoginProfile', value: { Password: REDACTED } },
    ]);
    expect((await h.service.settled(updated.id))?.status).toBe('SUCCESS');

    expectNoSecret('a create or update result', JSON.stringify([...results, updated]));
    expectNoSecret('a requests.changed event', JSON.stringify(h.events));
    expectNoSecret('the request list', JSON.stringify(await h.service.list()));
    expectNoSecret('the log', h.logs.join('\n'));
    await h.journal.flush();
    expectNoSecret('the data folder', await dataFolderText());

    await h.service.close();
    h.restart();
    await h.service.resume();
    expectNoSecret('the request list after a restart', JSON.stringify(await h.service.list()));
    expectNoSecret('the data folder after a restart', await dataFolderText());
  });

  it('are kept (sealed) only until AWS accepts the request, so a crash before then re-sends it', async () => {
    const sealedWith: string[] = [];
    const box: SecretBox = {
      kind: 'test',
      seal: (plain) => {
        sealedWith.push(plain);
        return Buffer.from(plain).toString('base64');
      },
      open: (sealed) => Buffer.from(sealed, 'base64').toString(),
    };
    const file = join(h.dataDir, 'requests.json');
    const journal = createRequestJournal({ file, log: () => undefined, secretBox: box });
    const at = h.now();
    const entry: TrackedRequest = {
      id: randomUUID(),
      requestToken: null,
      profile: PROFILE,
      region: REGION,
      typeName: 'AWS::SecretsManager::Secret',
      operation: 'CREATE',
      identifier: null,
      status: 'PENDING',
      statusMessage: null,
      errorCode: null,
      desiredState: { Name: 'app/resent', SecretString: REDACTED },
      patch: null,
      startedAt: at,
      updatedAt: at,
      finishedAt: null,
    };
    // As the app journals it just before sending, then dies.
    await journal.put(entry, {
      desiredState: { Name: 'app/resent', SecretString: SECRET_STRING },
      patch: null,
    });
    expect(sealedWith.join()).toContain(SECRET_STRING);
    expectNoSecret('the journal while the value is kept', await readFile(file, 'utf8'));

    await h.service.close();
    h.restart({ journal: createRequestJournal({ file, log: () => undefined, secretBox: box }) });
    await h.service.resume();
    const done = await h.service.settled(entry.id);
    expect(done?.status, done?.statusMessage ?? '').toBe('SUCCESS');
    expect(done?.desiredState).toEqual({ Name: 'app/resent', SecretString: REDACTED });
    const text = await readFile(file, 'utf8');
    // Accepted: the sealed copy is gone from the file.
    expect(text).not.toContain(Buffer.from(SECRET_STRING).toString('base64').slice(0, 12));
    expect(text).not.toContain('"sealed"');
    expectNoSecret('the journal after acceptance', text);
  });

  it('are redacted from a journal an older Cloudshelf wrote, and still sent where needed', async () => {
    const at = h.now();
    const base = {
      requestToken: null,
      profile: PROFILE,
      region: REGION,
      operation: 'CREATE' as const,
      identifier: null,
      statusMessage: null,
      errorCode: null,
      patch: null,
      startedAt: at,
      updatedAt: at,
    };
    const finished: TrackedRequest = {
      ...base,
      id: randomUUID(),
      requestToken: 'old-token',
      typeName: 'AWS::IAM::User',
      identifier: 'old-user',
      status: 'SUCCESS',
      desiredState: { UserName: 'old-user', LoginProfile: { Password: PASSWORD } },
      finishedAt: at,
    };
    const unsent: TrackedRequest = {
      ...base,
      id: randomUUID(),
      typeName: 'AWS::SecretsManager::Secret',
      status: 'PENDING',
      desiredState: { Name: 'app/from-an-older-journal', SecretString: SECRET_STRING },
      finishedAt: null,
    };
    const file = join(h.dataDir, 'requests.json');
    await h.service.close();
    await writeFile(file, JSON.stringify({ version: 1, requests: [finished, unsent] }));
    h.restart();
    await h.service.resume();
    const done = await h.service.settled(unsent.id);
    expect(done?.status, done?.statusMessage ?? '').toBe('SUCCESS');
    expect(done?.desiredState).toEqual({
      Name: 'app/from-an-older-journal',
      SecretString: REDACTED,
    });
    expect((await h.journal.get(finished.id))?.desiredState).toEqual({
      UserName: 'old-user',
      LoginProfile: { Password: REDACTED },
    });
    await h.journal.flush();
    expectNoSecret('the journal', await readFile(file, 'utf8'));
    expect(h.logs.join('\n')).toContain('redacted write-only values in 2 older journal entries');
  });

  it('refuses to retry a request whose write-only values were not kept, saying why', async () => {
    h.sandbox.faults.set({
      failCreates: [{ typeName: 'AWS::SecretsManager::Secret', message: 'Injected failure' }],
    });
    try {
      const sent = await h.service.create({
        profile: PROFILE,
        region: REGION,
        typeName: 'AWS::SecretsManager::Secret',
        desiredState: { Name: 'app/failing', SecretString: SECRET_STRING },
      });
      expect((await h.service.settled(sent.id))?.status).toBe('FAILED');
      // Sending the marker instead of the secret would create a secret holding the marker.
      await expect(h.service.retry(sent.id)).rejects.toMatchObject({
        code: 'InvalidArguments',
        message: expect.stringMatching(/write-only/) as string,
      });
    } finally {
      h.sandbox.faults.reset();
    }
  });
});
