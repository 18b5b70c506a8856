import { readAppInfo, type AppIdentity } from '../core/app-info';
import { listProfiles, type ProfileEnv } from '../core/profiles/list';
import type { HandlerTable } from './dispatch';

export interface HandlerDeps {
  identity: AppIdentity;
  env: ProfileEnv;
}

/** The one handler table all three hosts (Electron IPC, browser mode, CLI) serve. */
export function createHandlers(deps: HandlerDeps): HandlerTable {
  return {
    'app.info': () => Promise.resolve(readAppInfo(deps.identity)),
    'profiles.list': () => listProfiles(deps.env),
  };
}
