import type { Session, WebContents } from 'electron';
import { describeUrlOrigin, isAppUrl } from './app-origin';
import { isAllowedExternalUrl } from './external-urls';

export interface GuardDeps {
  /** shell.openExternal; injected so tests can see what would have been opened. */
  openExternal: (url: string) => Promise<void>;
  log: (message: string) => void;
}

interface NavigationAttempt {
  readonly url: string;
  preventDefault(): void;
}

/** Keeps a webContents on app://cloudshelf: any other destination is cancelled. */
export function createNavigationGuard(
  kind: string,
  log: GuardDeps['log'],
): (attempt: NavigationAttempt) => void {
  return (attempt) => {
    if (isAppUrl(attempt.url)) return;
    attempt.preventDefault();
    log(`blocked ${kind} to ${describeUrlOrigin(attempt.url)}`);
  };
}

/**
 * Pages never get new windows. Links to the AWS console or docs open in the system browser;
 * everything else is dropped.
 */
export function createWindowOpenHandler(
  deps: GuardDeps,
): (details: { url: string }) => { action: 'deny' } {
  return ({ url }) => {
    if (isAllowedExternalUrl(url)) {
      const opening = deps.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- reviewed: only https AWS console/docs URLs pass isAllowedExternalUrl
      opening.catch((error: unknown) => {
        deps.log(
          `could not open an external link: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    } else {
      deps.log(`refused to open a window for ${describeUrlOrigin(url)}`);
    }
    return { action: 'deny' };
  };
}

/** Applies the navigation, new-window and <webview> guards to one webContents. */
export function guardWebContents(contents: WebContents, deps: GuardDeps): void {
  contents.on('will-navigate', createNavigationGuard('navigation', deps.log));
  contents.on('will-frame-navigate', createNavigationGuard('frame navigation', deps.log));
  contents.on('will-redirect', createNavigationGuard('redirect', deps.log));
  contents.setWindowOpenHandler(createWindowOpenHandler(deps));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.log('blocked an attempt to attach a <webview>');
  });
}

export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler'
>;

/**
 * The one permission Cloudshelf's own page needs: writing text to the clipboard (the details
 * drawer's Copy buttons). Reading the clipboard, camera, notifications and the rest stay off.
 */
const grantedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Grants the clipboard-write permission and denies every other request and check. */
export function restrictPermissions(session: PermissionSession, log: GuardDeps['log']): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    if (grantedPermissions.has(permission)) {
      callback(true);
      return;
    }
    log(`denied a "${permission}" permission request`);
    callback(false);
  });
  session.setPermissionCheckHandler((_contents, permission) => grantedPermissions.has(permission));
}

/**
 * The `web-contents-created` hook: guards every webContents (windows, devtools, anything a
 * future change adds) and denies permissions once per session it runs in.
 */
export function createWebContentsHook(deps: GuardDeps): (contents: WebContents) => void {
  const guardedSessions = new WeakSet<PermissionSession>();
  return (contents) => {
    guardWebContents(contents, deps);
    if (!guardedSessions.has(contents.session)) {
      guardedSessions.add(contents.session);
      restrictPermissions(contents.session, deps.log);
    }
  };
}
