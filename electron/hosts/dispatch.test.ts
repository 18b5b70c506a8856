import { describe, expect, it } from 'vitest';
import { CloudshelfError } from '../../shared/contract';
import { dispatch, type HandlerTable } from './dispatch';
import { createHandlers } from './handlers';

const context = { host: 'browser' } as const;
const handlers = createHandlers({
  identity: { name: 'Cloudshelf', version: '9.9.9', host: 'browser' },
  env: {
    AWS_CONFIG_FILE: '/nonexistent/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/creds',
  },
});

describe('dispatch', () => {
  it('runs a valid call and returns its value', async () => {
    const outcome = await dispatch(handlers, 'app.info', {}, context);
    expect(outcome).toMatchObject({ ok: true, value: { name: 'Cloudshelf', version: '9.9.9' } });
  });

  it('refuses an unknown call by name', async () => {
    const outcome = await dispatch(handlers, 'app.shutdown', {}, context);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'UnknownCall' } });
  });

  it('refuses arguments the contract does not allow, saying which', async () => {
    const logged: string[] = [];
    const outcome = await dispatch(handlers, 'app.info', { extra: 1 }, context, (m) =>
      logged.push(m),
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'InvalidArguments' } });
    expect(outcome.ok ? '' : outcome.error.message).toContain('app.info');
    expect(logged).toHaveLength(1);
  });

  it('passes a handler’s CloudshelfError through with its hint', async () => {
    const failing: HandlerTable = {
      ...handlers,
      'profiles.list': () =>
        Promise.reject(new CloudshelfError('Unavailable', 'No network.', 'Check your VPN.')),
    };
    const outcome = await dispatch(failing, 'profiles.list', {}, context);
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'Unavailable', message: 'No network.', hint: 'Check your VPN.' },
    });
  });

  it('hides the details of an unexpected crash from the caller but logs them', async () => {
    const logged: string[] = [];
    const crashing: HandlerTable = {
      ...handlers,
      'app.info': () => Promise.reject(new Error('secret internal detail')),
    };
    const outcome = await dispatch(crashing, 'app.info', {}, context, (m) => logged.push(m));
    expect(outcome.ok).toBe(false);
    expect(JSON.stringify(outcome)).not.toContain('secret internal detail');
    expect(logged.join('\n')).toContain('secret internal detail');
  });
});
