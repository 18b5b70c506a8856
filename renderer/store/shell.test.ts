import { describe, expect, it } from 'vitest';
import {
  buildApi,
  type AppInfo,
  type CallName,
  type CallOutcome,
  type ProfileList,
} from '../../shared/contract';
import { createShellStore } from './shell';

const info: AppInfo = {
  name: 'Cloudshelf',
  version: '0.1.0',
  host: 'browser',
  platform: 'linux-x64',
  versions: { node: '20.0.0' },
};

const listOf = (names: string[], selected: string, problems: ProfileList['problems'] = []) => ({
  profiles: names.map((name) => ({
    name,
    source: name === 'Sandbox' ? ('builtin' as const) : ('config' as const),
    region: 'eu-west-1',
  })),
  selected,
  problems,
});

/** A real CloudshelfApi over a scripted transport: answers per call, events on demand. */
function scriptedApi(answers: Partial<Record<CallName, () => CallOutcome | Promise<CallOutcome>>>) {
  const listeners = new Set<(payload: unknown) => void>();
  const calls: CallName[] = [];
  const api = buildApi({
    call: (name) => {
      calls.push(name);
      const answer = answers[name];
      return Promise.resolve(
        answer ? answer() : { ok: false, error: { code: 'Internal', message: 'unscripted' } },
      );
    },
    subscribe: (_event, listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  return {
    api,
    calls,
    listeners,
    emit: (payload: ProfileList) => {
      for (const listener of listeners) listener(payload);
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('shell store', () => {
  it('starts loading, then is ready with the version and the selected profile', async () => {
    const { api } = scriptedApi({
      'app.info': () => ({ ok: true, value: info }),
      'profiles.list': () => ({ ok: true, value: listOf(['default', 'Sandbox'], 'default') }),
    });
    const store = createShellStore(api);
    expect(store.getState().appState).toBe('loading');
    const stop = store.getState().start();
    await settle();
    const state = store.getState();
    expect(state.appState).toBe('ready');
    expect(state.info?.version).toBe('0.1.0');
    expect(state.profiles.map((p) => p.name)).toEqual(['default', 'Sandbox']);
    expect(state.profile).toBe('default');
    stop();
  });

  it('shows the error message and hint on failure, and Retry recovers', async () => {
    let fail = true;
    const { api } = scriptedApi({
      'app.info': () =>
        fail
          ? {
              ok: false,
              error: { code: 'Unavailable', message: 'Server gone.', hint: 'Restart it.' },
            }
          : { ok: true, value: info },
      'profiles.list': () => ({ ok: true, value: listOf(['Sandbox'], 'Sandbox') }),
    });
    const store = createShellStore(api);
    await store.getState().load();
    expect(store.getState().appState).toBe('error');
    expect(store.getState().error).toEqual({
      code: 'Unavailable',
      message: 'Server gone.',
      hint: 'Restart it.',
    });

    fail = false;
    const retry = store.getState().load();
    expect(store.getState().appState).toBe('loading');
    await retry;
    expect(store.getState().appState).toBe('ready');
    expect(store.getState().error).toBeNull();
  });

  it('refreshes the list on profiles.changed, keeping the user choice while it exists', async () => {
    const { api, emit, listeners } = scriptedApi({
      'app.info': () => ({ ok: true, value: info }),
      'profiles.list': () => ({ ok: true, value: listOf(['a', 'b', 'Sandbox'], 'a') }),
    });
    const store = createShellStore(api);
    const stop = store.getState().start();
    await settle();
    store.getState().selectProfile('b');
    expect(store.getState().profile).toBe('b');
    store.getState().selectProfile('not-a-profile');
    expect(store.getState().profile).toBe('b');

    emit(listOf(['a', 'b', 'c', 'Sandbox'], 'a'));
    expect(store.getState().profiles.map((p) => p.name)).toEqual(['a', 'b', 'c', 'Sandbox']);
    expect(store.getState().profile).toBe('b');

    emit(listOf(['a', 'Sandbox'], 'a'));
    expect(store.getState().profile).toBe('a');

    stop();
    expect(listeners.size).toBe(0);
  });

  it('keeps a dismissed warning hidden until the problems change', async () => {
    const problem = { file: '/home/me/.aws/config', line: 3, message: 'Bad line.' };
    const { api, emit } = scriptedApi({
      'app.info': () => ({ ok: true, value: info }),
      'profiles.list': () => ({ ok: true, value: listOf(['Sandbox'], 'Sandbox', [problem]) }),
    });
    const store = createShellStore(api);
    const stop = store.getState().start();
    await settle();
    expect(store.getState().problems).toEqual([problem]);
    store.getState().dismissProblems();
    emit(listOf(['Sandbox'], 'Sandbox', [problem]));
    expect(store.getState().problemsDismissed).toBe(true);
    emit(listOf(['Sandbox'], 'Sandbox', [{ ...problem, line: 4 }]));
    expect(store.getState().problemsDismissed).toBe(false);
    stop();
  });

  it('ignores an answer from a load that a newer one replaced', async () => {
    let release: (() => void) | undefined;
    let first = true;
    const { api } = scriptedApi({
      'app.info': () => {
        if (!first) return { ok: true, value: info };
        first = false;
        return new Promise<CallOutcome>((resolve) => {
          release = () => {
            resolve({ ok: false, error: { code: 'Internal', message: 'late' } });
          };
        });
      },
      'profiles.list': () => ({ ok: true, value: listOf(['Sandbox'], 'Sandbox') }),
    });
    const store = createShellStore(api);
    const stale = store.getState().load();
    await store.getState().load();
    release?.();
    await stale;
    expect(store.getState().appState).toBe('ready');
  });
});
