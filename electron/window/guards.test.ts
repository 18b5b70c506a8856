import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  createNavigationGuard,
  createWebContentsHook,
  createWindowOpenHandler,
  restrictPermissions,
  guardWebContents,
  type PermissionSession,
} from './guards';

type RequestHandler = Parameters<PermissionSession['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<PermissionSession['setPermissionCheckHandler']>[0];

class FakeSession implements PermissionSession {
  requestHandler: RequestHandler = null;
  checkHandler: CheckHandler = null;
  setPermissionRequestHandler(handler: RequestHandler): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: CheckHandler): void {
    this.checkHandler = handler;
  }
}

/** Just enough of a webContents for the guards: events, the window-open handler and a session. */
class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly session: FakeSession;
  constructor(session = new FakeSession()) {
    super();
    this.session = session;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  asWebContents(): WebContents {
    return this as unknown as WebContents;
  }
}

function attempt(url: string): {
  url: string;
  preventDefault: ReturnType<typeof vi.fn<() => void>>;
} {
  return { url, preventDefault: vi.fn<() => void>() };
}

function deps(): {
  openExternal: ReturnType<typeof vi.fn<(url: string) => Promise<void>>>;
  log: ReturnType<typeof vi.fn<(message: string) => void>>;
} {
  return {
    openExternal: vi.fn<(url: string) => Promise<void>>(() => Promise.resolve()),
    log: vi.fn<(message: string) => void>(),
  };
}

describe('navigation guard', () => {
  it('lets the app navigate within app://cloudshelf', () => {
    const event = attempt('app://cloudshelf/index.html#/resources');
    createNavigationGuard('navigation', vi.fn())(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'app://x/',
    'https://console.aws.amazon.com/',
    'javascript:alert(1)',
  ])('cancels navigation to %s and logs only its origin', (url) => {
    const log = vi.fn<(message: string) => void>();
    const event = attempt(`${url}?token=s3cr3t`);
    createNavigationGuard('navigation', log)(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(log).toHaveBeenCalledOnce();
    expect(log.mock.calls[0]?.[0]).not.toContain('s3cr3t');
  });
});

describe('window-open handler', () => {
  it('denies every new window, opening allowed AWS links in the system browser', () => {
    const d = deps();
    const handler = createWindowOpenHandler(d);
    expect(handler({ url: 'https://eu-west-1.console.aws.amazon.com/sagemaker/home' })).toEqual({
      action: 'deny',
    });
    expect(d.openExternal).toHaveBeenCalledWith(
      'https://eu-west-1.console.aws.amazon.com/sagemaker/home',
    );
  });

  it.each([
    'http://console.aws.amazon.com/',
    'https://console.aws.amazon.com.evil.com/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://cloudshelf/index.html',
    'about:blank',
  ])('denies %s without opening anything', (url) => {
    const d = deps();
    expect(createWindowOpenHandler(d)({ url })).toEqual({ action: 'deny' });
    expect(d.openExternal).not.toHaveBeenCalled();
    expect(d.log).toHaveBeenCalledOnce();
  });

  it('logs (and does not throw) when the system browser cannot be opened', async () => {
    const d = deps();
    d.openExternal.mockRejectedValueOnce(new Error('no handler'));
    createWindowOpenHandler(d)({ url: 'https://docs.aws.amazon.com/' });
    await vi.waitFor(() => {
      expect(d.log).toHaveBeenCalledWith(expect.stringContaining('no handler'));
    });
  });
});

describe('guardWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'blocks %s away from the app',
    (eventName) => {
      const contents = new FakeContents();
      guardWebContents(contents.asWebContents(), deps());
      const away = attempt('https://evil.example/');
      const home = attempt('app://cloudshelf/index.html');
      contents.emit(eventName, away);
      contents.emit(eventName, home);
      expect(away.preventDefault).toHaveBeenCalledOnce();
      expect(home.preventDefault).not.toHaveBeenCalled();
    },
  );

  it('prevents <webview> attachment', () => {
    const contents = new FakeContents();
    guardWebContents(contents.asWebContents(), deps());
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('installs the deny-all window-open handler', () => {
    const contents = new FakeContents();
    guardWebContents(contents.asWebContents(), deps());
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
  });
});

describe('restrictPermissions', () => {
  it('refuses every permission request and every permission check', () => {
    const session = new FakeSession();
    const log = vi.fn<(message: string) => void>();
    restrictPermissions(session, log);

    for (const permission of [
      'media',
      'notifications',
      'clipboard-read',
      'openExternal',
    ] as const) {
      const callback = vi.fn<(granted: boolean) => void>();
      session.requestHandler?.(
        new FakeContents().asWebContents(),
        permission,
        callback,
        {} as Parameters<NonNullable<RequestHandler>>[3],
      );
      expect(callback).toHaveBeenCalledWith(false);
      expect(
        session.checkHandler?.(
          null,
          permission,
          'app://cloudshelf',
          {} as Parameters<NonNullable<CheckHandler>>[3],
        ),
      ).toBe(false);
    }
    expect(log).toHaveBeenCalledWith('denied a "media" permission request');
  });

  it('lets the page write text to the clipboard (Copy buttons), nothing more', () => {
    const session = new FakeSession();
    restrictPermissions(session, vi.fn<(message: string) => void>());
    const callback = vi.fn<(granted: boolean) => void>();
    session.requestHandler?.(
      new FakeContents().asWebContents(),
      'clipboard-sanitized-write',
      callback,
      {} as Parameters<NonNullable<RequestHandler>>[3],
    );
    expect(callback).toHaveBeenCalledWith(true);
    expect(
      session.checkHandler?.(
        null,
        'clipboard-sanitized-write',
        'app://cloudshelf',
        {} as Parameters<NonNullable<CheckHandler>>[3],
      ),
    ).toBe(true);
  });
});

describe('createWebContentsHook', () => {
  it('guards every webContents and restricts permissions once per session', () => {
    const shared = new FakeSession();
    const setRequest = vi.spyOn(shared, 'setPermissionRequestHandler');
    const hook = createWebContentsHook(deps());
    const first = new FakeContents(shared);
    const second = new FakeContents(shared);
    const other = new FakeContents();

    hook(first.asWebContents());
    hook(second.asWebContents());
    hook(other.asWebContents());

    for (const contents of [first, second, other]) {
      expect(contents.listenerCount('will-navigate')).toBe(1);
      expect(contents.windowOpenHandler).toBeDefined();
    }
    expect(setRequest).toHaveBeenCalledOnce();
    expect(other.session.requestHandler).not.toBeNull();
  });
});
