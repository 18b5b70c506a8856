import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudControlService, type AccountSeeder } from './cloudcontrol/service';
import { defaultCatalog, defaultCloudFormationHandler } from './defaults';
import { FaultEngine, type FaultConfig, type FaultController } from './faults';
import type { TypeCatalog } from './schema/type-model';
import { seedAccount } from './seed';
import { createRequestHandler, type CloudFormationQueryHandler } from './server';

export type { FaultConfig, FaultController } from './faults';
export type { CloudFormationQueryHandler } from './server';
export type { AccountSeeder } from './cloudcontrol/service';

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The resource types; the vendored registry snapshot when absent. */
  catalog?: TypeCatalog;
  /** Sample data in every new account (default true). */
  seed?: boolean;
  /**
   * Bulk seed: more resources for every new account, after the sample data (or alone with
   * `seed: false`). `seeder.insert(typeName, region, desired, createdAt)` builds each one
   * exactly as a create would, without the lifecycle or rate limits, e.g. the thousands of
   * images a benchmark scans.
   */
  extraSeed?: (seeder: AccountSeeder) => void;
  /** Time per lifecycle step, PENDING then IN_PROGRESS (default 1500 ms; tests use ~10). */
  mutationDelayMs?: number;
  faults?: FaultConfig;
  /** The sandbox's notion of now (lifecycles, timestamps, rate limits). */
  clock?: () => Date;
  /** One line per request, and problems; credentials are never in it. */
  log?: (line: string) => void;
  /** The CloudFormation registry handler; the one built on `catalog` when absent. */
  cloudFormation?: CloudFormationQueryHandler;
}

export interface RunningSandbox {
  /** `http://127.0.0.1:<port>`: the endpoint override for the SDK and the CLI. */
  endpoint: string;
  port: number;
  faults: FaultController;
  /** Forgets every account's resources and requests; the seed returns on next use. */
  reset(): void;
  close(): Promise<void>;
}

export const defaultMutationDelayMs = 1500;

/** Starts the sandbox on 127.0.0.1 (never another interface). */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const catalog = options.catalog ?? (await defaultCatalog());
  const faults = new FaultEngine(options.faults ?? {}, () => clock().getTime());
  const cloudControl = new CloudControlService({
    catalog,
    clock,
    stepMs: options.mutationDelayMs ?? defaultMutationDelayMs,
    createFailure: (typeName) => faults.createFailure(typeName),
    ...(options.seed === false && options.extraSeed === undefined
      ? {}
      : {
          seedAccount: (seeder: AccountSeeder) => {
            if (options.seed !== false) seedAccount(seeder, clock());
            options.extraSeed?.(seeder);
          },
        }),
  });
  const cloudFormation = options.cloudFormation ?? defaultCloudFormationHandler(catalog);
  let port = 0;
  const reset = (): void => {
    cloudControl.reset();
  };
  const handler = createRequestHandler({
    cloudControl,
    cloudFormation,
    faults,
    reset,
    port: () => port,
    log,
  });
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      log(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await listen(server, options.port ?? 0);
  port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    faults,
    reset,
    close: () => close(server),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Stops listening and drops keep-alive connections, which would otherwise hold close(). */
function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => {
      if (error) reject(error);
      else resolve();
    });
    server.closeAllConnections();
  });
}
