import type { AppInfo } from '../../shared/contract';

export interface AppIdentity {
  name: string;
  version: string;
  host: AppInfo['host'];
}

/** What the About line and the status bar show. No paths, no environment: nothing secret. */
export function readAppInfo(identity: AppIdentity): AppInfo {
  const { versions } = process;
  return {
    name: identity.name,
    version: identity.version,
    host: identity.host,
    platform: `${process.platform}-${process.arch}`,
    versions: {
      node: versions.node,
      ...(versions.electron ? { electron: versions.electron } : {}),
      ...(versions.chrome ? { chrome: versions.chrome } : {}),
    },
  };
}
