import { buildApi, type CloudshelfApi, type Transport } from '../../shared/contract';
import { defaultDataDir } from '../core/app-paths';
import { EventBus } from '../core/events';
import { dispatch } from '../hosts/dispatch';
import { createHandlers } from '../hosts/handlers';
import { createHostServices } from '../hosts/services';

export interface CliHostOptions {
  env: NodeJS.ProcessEnv;
  version: string;
  /** The core's log lines; dropped unless --verbose. */
  log: (line: string) => void;
  /** Stop a credential_process that runs longer (--credential-timeout); default: never. */
  credentialTimeoutMs?: number;
}

export interface CliHost {
  /** The same API the app's windows use, served in-process. */
  api: CloudshelfApi;
  close(): Promise<void>;
}

/**
 * The command line as a third host of the one handler table: calls go through `dispatch`
 * (so arguments are checked against the contract and failures arrive as the core's own
 * CloudshelfErrors), events come straight off the bus. The data folder is the app's, so
 * the catalog caches a refresh wrote in the app are used here too.
 */
export function openCliHost(options: CliHostOptions): CliHost {
  const { env, log } = options;
  const bus = new EventBus();
  // Exports only: the app's unfinished requests stay the app's to resume.
  const services = createHostServices({
    env,
    bus,
    dataDir: defaultDataDir(env),
    log,
    resumeMutations: false,
    ...(options.credentialTimeoutMs === undefined
      ? {}
      : { credentialTimeoutMs: options.credentialTimeoutMs }),
  });
  const handlers = createHandlers({
    identity: { name: 'Cloudshelf', version: options.version, host: 'cli' },
    env,
    services,
  });
  const transport: Transport = {
    call: (name, args) => dispatch(handlers, name, args, { host: 'cli' }, log),
    subscribe: (event, listener) => bus.on(event, listener),
  };
  return { api: buildApi(transport), close: () => services.close() };
}
