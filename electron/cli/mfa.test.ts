import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildApi, type CloudshelfApi, type EventPayload } from '../../shared/contract';
import { EventBus } from '../core/events';
import { withMfa } from './mfa';

// The API over a bare bus: the prompts are events, the answers a call we record.
function fakeApi() {
  const bus = new EventBus();
  const answers: unknown[] = [];
  const api: CloudshelfApi = buildApi({
    call: (name, args) => {
      if (name === 'profiles.answerMfa') answers.push(args);
      return Promise.resolve({ ok: true, value: { accepted: true } });
    },
    subscribe: (event, listener) => bus.on(event, listener),
  });
  const prompt: EventPayload<'profiles.mfaRequested'> = {
    promptId: 'p1',
    profile: 'prod',
    serialNumber: 'arn:aws:iam::123456789012:mfa/me',
  };
  return { api, bus, answers, prompt };
}

describe('withMfa', () => {
  it('fails at once without a terminal to ask on', async () => {
    const { api, bus, prompt } = fakeApi();
    const stderr = new PassThrough();
    const work = withMfa(api, { stderr }, () => {
      bus.emit('profiles.mfaRequested', prompt);
      return new Promise<never>(() => undefined);
    });
    await expect(work).rejects.toThrow(
      'profile prod needs an MFA code (arn:aws:iam::123456789012:mfa/me), and stdin is not a terminal',
    );
  });

  it('asks on the terminal until it gets six digits, then answers the prompt', async () => {
    const { api, bus, answers, prompt } = fakeApi();
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const stderr = new PassThrough();
    const asked: string[] = [];
    stderr.on('data', (chunk: Buffer) => asked.push(chunk.toString()));
    const work = withMfa(api, { stdin, stderr }, async () => {
      bus.emit('profiles.mfaRequested', prompt);
      stdin.write('12ab\n');
      stdin.write('123456\n');
      await new Promise((resolve) => setTimeout(resolve, 50));
      return 'done';
    });
    expect(await work).toBe('done');
    expect(answers).toEqual([{ promptId: 'p1', code: '123456' }]);
    expect(asked.join('')).toContain('MFA code for profile prod');
    expect(asked.join('')).toContain('6 digits');
  });

  it('fails when the terminal closes without a code', async () => {
    const { api, bus, prompt } = fakeApi();
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const work = withMfa(api, { stdin, stderr: new PassThrough() }, () => {
      bus.emit('profiles.mfaRequested', prompt);
      stdin.end('\n');
      return new Promise<never>(() => undefined);
    });
    await expect(work).rejects.toThrow('no MFA code was entered for profile prod');
  });

  it('passes the work through when nobody asks', async () => {
    const { api } = fakeApi();
    expect(await withMfa(api, { stderr: new PassThrough() }, () => Promise.resolve(7))).toBe(7);
  });
});
