import { describe, expect, it } from 'vitest';
import { buildApi, type Transport } from './api';
import type { CallName, EventName } from './calls';
import { CloudshelfError } from './errors';

function recordingTransport(answer: unknown) {
  const calls: { name: CallName; args: unknown }[] = [];
  const subscriptions: EventName[] = [];
  const transport: Transport = {
    call: (name, args) => {
      calls.push({ name, args });
      return Promise.resolve(answer);
    },
    subscribe: (event) => {
      subscriptions.push(event);
      return () => undefined;
    },
  };
  return { transport, calls, subscriptions };
}

describe('buildApi', () => {
  it('exposes every contract call as a named method', async () => {
    const { transport, calls } = recordingTransport({ ok: true, value: { profiles: [] } });
    const api = buildApi(transport);
    await expect(api.profiles.list()).resolves.toEqual({ profiles: [] });
    expect(calls).toEqual([{ name: 'profiles.list', args: {} }]);
  });

  it('turns an error envelope into a CloudshelfError with message and hint', async () => {
    const { transport } = recordingTransport({
      ok: false,
      error: { code: 'Forbidden', message: 'Not allowed.', hint: 'Ask an admin.' },
    });
    const error: unknown = await buildApi(transport)
      .app.info()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudshelfError);
    expect(error).toMatchObject({
      code: 'Forbidden',
      message: 'Not allowed.',
      hint: 'Ask an admin.',
    });
  });

  it('refuses an answer that is not an envelope', async () => {
    const { transport } = recordingTransport('<html>proxy error</html>');
    await expect(buildApi(transport).app.info()).rejects.toMatchObject({ code: 'Internal' });
  });

  it('subscribes only to events in the contract', () => {
    const { transport, subscriptions } = recordingTransport(null);
    const api = buildApi(transport);
    api.on('profiles.changed', () => undefined);
    expect(subscriptions).toEqual(['profiles.changed']);
    expect(() => {
      // @ts-expect-error — not an event in the contract
      api.on('app.secrets', () => undefined);
    }).toThrow(/no event named/);
  });
});
