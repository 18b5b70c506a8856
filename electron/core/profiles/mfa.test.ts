import { describe, expect, it } from 'vitest';
import type { MfaPrompt } from '../../../shared/contract';
import { EventBus } from '../events';
import { MfaPrompts } from './mfa';

function setup(timeoutMs = 1000) {
  const bus = new EventBus();
  const prompts: MfaPrompt[] = [];
  bus.on('profiles.mfaRequested', (prompt) => prompts.push(prompt));
  return { prompts, mfa: new MfaPrompts(bus, timeoutMs) };
}

describe('MfaPrompts', () => {
  it('emits a prompt and resolves with the answer given for its id', async () => {
    const { prompts, mfa } = setup();
    const code = mfa.ask('admin', 'arn:aws:iam::1:mfa/me');
    expect(prompts).toEqual([
      {
        promptId: expect.any(String) as string,
        profile: 'admin',
        serialNumber: 'arn:aws:iam::1:mfa/me',
      },
    ]);
    expect(mfa.answer('someone-else', '123456')).toBe(false);
    expect(mfa.answer(prompts[0]?.promptId ?? '', '123456')).toBe(true);
    await expect(code).resolves.toBe('123456');
    expect(mfa.answer(prompts[0]?.promptId ?? '', '654321')).toBe(false);
  });

  it('fails clearly when nobody answers in time', async () => {
    const { prompts, mfa } = setup(20);
    await expect(mfa.ask('admin', 'serial')).rejects.toMatchObject({
      code: 'Unauthorized',
      message: 'No MFA code was entered for profile admin.',
    });
    expect(mfa.answer(prompts[0]?.promptId ?? '', '123456')).toBe(false);
    expect(mfa.pending).toBe(0);
  });
});
