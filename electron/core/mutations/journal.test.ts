import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrackedRequest } from '../../../shared/contract';
import { createRequestJournal } from './journal';
import type { SecretBox } from './secret-box';
import { REDACTED } from './write-only';

let dir: string;
let file: string;
const lines: string[] = [];
const log = (line: string): void => {
  lines.push(line);
};
const fixedNow = () => new Date('2026-11-23T10:00:00.000Z');

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cloudshelf-journal-'));
  file = path.join(dir, 'requests.json');
  lines.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function request(
  id: string,
  startedAt: number,
  extra: Partial<TrackedRequest> = {},
): TrackedRequest {
  return {
    id,
    requestToken: null,
    profile: 'dev',
    region: 'eu-west-1',
    typeName: 'AWS::SageMaker::Image',
    operation: 'DELETE',
    identifier: `image-${id}`,
    status: 'PENDING',
    statusMessage: null,
    errorCode: null,
    desiredState: null,
    patch: null,
    startedAt,
    updatedAt: startedAt,
    finishedAt: null,
    ...extra,
  };
}

const done = (id: string, at: number): TrackedRequest =>
  request(id, at, { status: 'SUCCESS', requestToken: `t-${id}`, finishedAt: at + 1 });

async function onDisk(): Promise<{ version: number; requests: TrackedRequest[] }> {
  return JSON.parse(await readFile(file, 'utf8')) as {
    version: number;
    requests: TrackedRequest[];
  };
}

describe('request journal', () => {
  it('starts empty without a file, and a new journal (a restart) reads back what was put', async () => {
    const journal = createRequestJournal({ file, log });
    expect(await journal.list()).toEqual([]);
    await journal.put(request('a', 1));
    await journal.put(request('b', 2));
    const restarted = createRequestJournal({ file, log });
    expect((await restarted.list()).map((r) => r.id)).toEqual(['b', 'a']);
    expect(await restarted.get('a')).toEqual(request('a', 1));
    expect((await onDisk()).version).toBe(1);
  });

  it('updates in place, says whether anything changed, and removes', async () => {
    const journal = createRequestJournal({ file, log });
    await journal.put(request('a', 1));
    const same = await journal.update('a', (r) => r);
    expect(same?.changed).toBe(false);
    const changed = await journal.update('a', (r) => ({ ...r, status: 'IN_PROGRESS' }));
    expect(changed?.changed).toBe(true);
    await changed?.written;
    expect((await onDisk()).requests[0]?.status).toBe('IN_PROGRESS');
    expect(await journal.update('missing', (r) => r)).toBeUndefined();
    await journal.remove('a');
    expect((await onDisk()).requests).toEqual([]);
  });

  it('keeps every unfinished request and only the newest finished ones', async () => {
    const journal = createRequestJournal({ file, log, keepFinished: 3 });
    await journal.put(request('old-but-running', 0));
    for (let i = 1; i <= 6; i++) await journal.put(done(`d${String(i)}`, i * 10));
    const ids = (await onDisk()).requests.map((r) => r.id);
    expect(ids).toEqual(['d6', 'd5', 'd4', 'old-but-running']);
  });

  it('lets quick successive changes share writes and ends with the last of them on disk', async () => {
    const journal = createRequestJournal({ file, log });
    await journal.put(request('a', 1));
    const statuses = ['IN_PROGRESS', 'CANCEL_IN_PROGRESS', 'CANCEL_COMPLETE'] as const;
    const updates = await Promise.all(
      statuses.map((status) => journal.update('a', (r) => ({ ...r, status }))),
    );
    await Promise.all(updates.map((u) => u?.written ?? Promise.resolve()));
    await journal.flush();
    expect((await onDisk()).requests[0]?.status).toBe('CANCEL_COMPLETE');
    expect((await journal.get('a'))?.status).toBe('CANCEL_COMPLETE');
  });

  it('keeps the file readable by its owner only: desired states may hold passwords', async () => {
    const journal = createRequestJournal({ file, log });
    await journal.put(
      request('a', 1, { operation: 'CREATE', desiredState: { MasterUserPassword: 'hunter2' } }),
    );
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('makes a journal others could read private at its next write', async () => {
    await writeFile(file, JSON.stringify({ version: 1, requests: [request('old', 1)] }));
    await chmod(file, 0o644);
    const journal = createRequestJournal({ file, log });
    await journal.put(request('new', 2));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await onDisk()).requests.map((r) => r.id)).toEqual(['new', 'old']);
  });

  it('keeps an unreadable file aside and starts empty instead of overwriting it', async () => {
    await writeFile(file, '{"version": 1, "requests": [', { mode: 0o644 });
    const journal = createRequestJournal({ file, log, now: fixedNow });
    expect(await journal.list()).toEqual([]);
    await journal.put(request('a', 1));
    const kept = path.join(dir, 'requests.json.unreadable-2026-11-23T10-00-00-000Z');
    expect(await readFile(kept, 'utf8')).toBe('{"version": 1, "requests": [');
    expect((await stat(kept)).mode & 0o777).toBe(0o600);
    expect((await onDisk()).requests.map((r) => r.id)).toEqual(['a']);
    expect(lines.join('\n')).toMatch(/could not be read; kept it as .*unreadable/);
  });

  it('keeps the readable entries of a damaged file, and a copy of the whole file', async () => {
    const text = JSON.stringify({ version: 1, requests: [request('good', 1), { id: 'bad' }] });
    await writeFile(file, text, { mode: 0o644 });
    const journal = createRequestJournal({ file, log, now: fixedNow });
    expect((await journal.list()).map((r) => r.id)).toEqual(['good']);
    const names = await readdir(dir);
    expect(names).toContain('requests.json.unreadable-2026-11-23T10-00-00-000Z');
    const kept = path.join(dir, 'requests.json.unreadable-2026-11-23T10-00-00-000Z');
    expect((await stat(kept)).mode & 0o777).toBe(0o600);
    expect(lines.join('\n')).toMatch(/1 unreadable entries/);
  });

  describe('write-only values kept to send a request again', () => {
    const secret = 'hunter2-only-in-this-test';
    const shown = (id: string, extra: Partial<TrackedRequest> = {}): TrackedRequest =>
      request(id, 1, {
        operation: 'CREATE',
        identifier: null,
        desiredState: { DBName: 'db', MasterUserPassword: REDACTED },
        ...extra,
      });
    const sent = { desiredState: { DBName: 'db', MasterUserPassword: secret }, patch: null };
    /** Base64: enough to tell sealed from plain. */
    const box: SecretBox = {
      kind: 'test',
      seal: (plain) => Buffer.from(plain).toString('base64'),
      open: (sealed) => Buffer.from(sealed, 'base64').toString(),
    };

    it('are sealed on disk, never listed, and opened for sending after a restart', async () => {
      const journal = createRequestJournal({ file, log, secretBox: box });
      await journal.put(shown('a'), sent);
      const text = await readFile(file, 'utf8');
      expect(text).not.toContain(secret);
      expect(text).toContain(box.seal(JSON.stringify(sent)));
      expect(JSON.stringify(await journal.list())).not.toContain(secret);
      const restarted = createRequestJournal({ file, log, secretBox: box });
      expect(await restarted.get('a')).toEqual(shown('a'));
      expect(await restarted.sendable('a')).toEqual({ ...shown('a'), ...sent });
    });

    it('are dropped from the file once AWS accepted the request, or it ended', async () => {
      const journal = createRequestJournal({ file, log, secretBox: box });
      await journal.put(shown('accepted'), sent);
      await journal.put(shown('failed'), sent);
      await (
        await journal.update('accepted', (r) => ({ ...r, requestToken: 't' }))
      )?.written;
      await (
        await journal.update('failed', (r) => ({ ...r, status: 'FAILED' }))
      )?.written;
      expect(await readFile(file, 'utf8')).not.toContain('sealed');
      expect(await journal.sendable('accepted')).toEqual({
        ...shown('accepted'),
        requestToken: 't',
      });
    });

    it('say which box sealed them, and another box refuses to open them, saying what to do', async () => {
      await createRequestJournal({ file, log, secretBox: { ...box, kind: 'safeStorage' } }).put(
        shown('a'),
        sent,
      );
      const plain = createRequestJournal({ file, log });
      await expect(plain.sendable('a')).rejects.toMatchObject({
        code: 'Unavailable',
        hint: expect.stringMatching(/open the desktop app/) as string,
      });
      // Still kept for the host that can open them.
      await plain.put(request('other', 2));
      expect(await readFile(file, 'utf8')).toContain('"box": "safeStorage"');
    });

    it('kept plain (no keychain) are opened by any box', async () => {
      await createRequestJournal({ file, log }).put(shown('a'), sent);
      const journal = createRequestJournal({ file, log, secretBox: box });
      expect(await journal.sendable('a')).toEqual({ ...shown('a'), ...sent });
    });

    it('lists entries of an older journal as unredacted until each is put again', async () => {
      const older = shown('old', { desiredState: { MasterUserPassword: secret } });
      await writeFile(file, JSON.stringify({ version: 1, requests: [older, request('d', 2)] }));
      const journal = createRequestJournal({ file, log, secretBox: box });
      expect(await journal.unredacted()).toEqual([older]);
      await journal.put(request('new', 3));
      // Not yet: the file must not claim what it does not hold.
      expect(await onDisk()).not.toHaveProperty('redacted');
      await journal.put(shown('old'));
      expect(await journal.unredacted()).toEqual([]);
      expect(await onDisk()).toMatchObject({ version: 1, redacted: true });
      expect(await createRequestJournal({ file, log }).unredacted()).toEqual([]);
    });

    it('are not kept for a request that needs nothing redacted', async () => {
      const journal = createRequestJournal({ file, log, secretBox: box });
      await journal.put(shown('a', { requestToken: 't' }), sent);
      await journal.put(shown('b'));
      expect(await readFile(file, 'utf8')).not.toContain('sealed');
    });
  });
});
