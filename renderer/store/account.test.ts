import { describe, expect, it } from 'vitest';
import type { CredentialProcessRun } from '../../shared/contract';
import { createAccountStore } from './account';
import { fakeApi, settle } from './test-api';

const run = (extra: Partial<CredentialProcessRun> = {}): CredentialProcessRun => ({
  runId: 'r1',
  profile: 'slow',
  program: 'aws-vault',
  state: 'running',
  startedAt: 1_000,
  ...extra,
});

describe('account store: credential processes', () => {
  it('holds each running credential_process until it ends', () => {
    const fake = fakeApi({});
    const store = createAccountStore(fake.api);
    const stop = store.getState().start();
    fake.emit('profiles.credentialProcess', run());
    fake.emit('profiles.credentialProcess', run({ runId: 'r2', profile: 'other' }));
    expect(Object.keys(store.getState().credentialProcesses).sort()).toEqual(['other', 'slow']);
    fake.emit('profiles.credentialProcess', run({ state: 'ended' }));
    expect(Object.keys(store.getState().credentialProcesses)).toEqual(['other']);
    // An older run's end does not hide a newer run of the same profile.
    fake.emit('profiles.credentialProcess', run({ runId: 'r3', profile: 'other' }));
    fake.emit('profiles.credentialProcess', run({ runId: 'r2', profile: 'other', state: 'ended' }));
    expect(store.getState().credentialProcesses.other?.runId).toBe('r3');
    stop();
    expect(fake.listenerCount()).toBe(0);
  });

  it('Cancel asks the main process to stop that profile’s command', async () => {
    const fake = fakeApi({ 'profiles.cancelCredentialProcess': () => ({ cancelled: true }) });
    const store = createAccountStore(fake.api);
    store.getState().start();
    fake.emit('profiles.credentialProcess', run());
    await store.getState().cancelCredentialProcess('slow');
    await settle();
    expect(fake.argsOf('profiles.cancelCredentialProcess')).toEqual([{ profile: 'slow' }]);
  });
});
