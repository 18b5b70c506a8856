import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CloudshelfApi, CredentialProcessRun, MfaPrompt } from '../../shared/contract';
import { toDisplayError, type DisplayError } from './errors';

/**
 * The account behind each profile, looked up on demand, a pending MFA prompt, and the
 * credential_process commands the main process is waiting on.
 */
export interface AccountState {
  /** By profile name: the account id, a lookup in flight, or why it failed and what to do. */
  accounts: Record<
    string,
    | { status: 'loading' }
    | { status: 'known'; account: string }
    | { status: 'failed'; error: DisplayError }
  >;
  mfaPrompt: MfaPrompt | null;
  mfaError: string | null;
  /** By profile name: its credential_process running now (program name only). */
  credentialProcesses: Record<string, CredentialProcessRun>;
}

export interface AccountActions {
  lookUp: (profile: string) => Promise<void>;
  answerMfa: (code: string) => Promise<void>;
  dismissMfa: () => void;
  /** Kills the profile's running credential_process; its waiting calls fail as cancelled. */
  cancelCredentialProcess: (profile: string) => Promise<void>;
  /** Subscribes to MFA prompts and credential_process runs; returns the unsubscribe. */
  start: () => () => void;
}

export type AccountStore = StoreApi<AccountState & AccountActions>;

export function createAccountStore(api: CloudshelfApi): AccountStore {
  return createStore<AccountState & AccountActions>()((set, get) => ({
    accounts: {},
    mfaPrompt: null,
    mfaError: null,
    credentialProcesses: {},

    async lookUp(profile) {
      set({ accounts: { ...get().accounts, [profile]: { status: 'loading' } } });
      try {
        const { account } = await api.profiles.identity({ profile });
        set({ accounts: { ...get().accounts, [profile]: { status: 'known', account } } });
      } catch (error) {
        set({
          accounts: {
            ...get().accounts,
            [profile]: { status: 'failed', error: toDisplayError(error) },
          },
        });
      }
    },

    async answerMfa(code) {
      const prompt = get().mfaPrompt;
      if (!prompt) return;
      if (!/^\d{6}$/.test(code)) {
        set({ mfaError: 'Enter the 6 digits your MFA device shows.' });
        return;
      }
      // A prompt that already timed out is not accepted; the waiting lookup then fails with
      // its own message, which the account badge shows.
      await api.profiles.answerMfa({ promptId: prompt.promptId, code });
      set({ mfaPrompt: null, mfaError: null });
    },

    dismissMfa() {
      // The main process times the prompt out and the waiting call fails with a clear message.
      set({ mfaPrompt: null, mfaError: null });
    },

    async cancelCredentialProcess(profile) {
      // The run's `ended` event clears it; the calls waiting on it fail with their own message.
      // A cancel that does not arrive changes nothing: the command is still shown, Cancel again.
      await api.profiles.cancelCredentialProcess({ profile }).catch(() => undefined);
    },

    start() {
      const stopMfa = api.on('profiles.mfaRequested', (prompt) => {
        set({ mfaPrompt: prompt, mfaError: null });
      });
      const stopRuns = api.on('profiles.credentialProcess', (run) => {
        const { [run.profile]: current, ...others } = get().credentialProcesses;
        if (run.state === 'running') {
          set({ credentialProcesses: { ...others, [run.profile]: run } });
        } else if (current?.runId === run.runId) {
          set({ credentialProcesses: others });
        }
      });
      return () => {
        stopMfa();
        stopRuns();
      };
    },
  }));
}
