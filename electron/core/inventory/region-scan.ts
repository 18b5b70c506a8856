import { setMaxListeners } from 'node:events';
import type { ResourceDescription } from '@aws-sdk/client-cloudcontrol';
import pLimit from 'p-limit';
import type { InventoryRow } from '../../../shared/contract';
import { abortReason } from './abort';
import type { Claim } from './claims';
import { getResource, listPages, propertiesOf, type CallContext } from './calls';
import { makeRow, needsHydration, rowKey, type RowSource } from './rows';
import type { TypeInfo } from './types';

export interface RegionProgress {
  phase: 'listing' | 'hydrating';
  listed: number;
  hydrated: number;
}

export interface RegionScanInput {
  typeName: string;
  region: string;
  account: string;
  info: TypeInfo;
  resourceModel?: Record<string, unknown>;
  /** List the parent type first and the type once per parent (info.parent must be set). */
  perParent: boolean;
  call: CallContext;
  hydrateConcurrency: number;
  now: () => number;
  /** Who reads a listed row: this region, another (a global type), or nobody (a repeat). */
  claim(key: string): Claim;
  /** The row was read (or is gone): a region waiting for it need not. */
  read(key: string): void;
  emit(rows: InventoryRow[]): void;
  progress(progress: RegionProgress, urgent: boolean): void;
}

/**
 * Scans one region: list pages (following NextToken) and, as each page arrives, reads the
 * partial rows with GetResource under bounded concurrency, so listing and hydration overlap
 * and the region's request rate, not its latency, sets the pace. A row another region reads
 * (a global type) is waited for, and read here if that region fails. Throws the first failure.
 */
export async function scanRegion(input: RegionScanInput): Promise<void> {
  const local = new AbortController();
  // Every call in flight (and every permit waited for) listens to it: far more than 10.
  setMaxListeners(0, local.signal);
  const outer = input.call.signal;
  const onOuterAbort = (): void => {
    local.abort(abortReason(outer));
  };
  if (outer.aborted) onOuterAbort();
  outer.addEventListener('abort', onOuterAbort, { once: true });
  const call: CallContext = { ...input.call, signal: local.signal };
  const limit = pLimit(input.hydrateConcurrency);
  const source: RowSource = {
    typeName: input.typeName,
    account: input.account,
    region: input.region,
    isGlobal: input.info.isGlobal,
    now: input.now,
  };
  const counts = { listed: 0, hydrated: 0 };
  const pending: Promise<void>[] = [];
  let failure: { error: unknown } | undefined;
  let phase: RegionProgress['phase'] = 'listing';

  const fail = (error: unknown): void => {
    failure ??= { error };
    // Stops this region's other calls; the scan's other regions carry on.
    local.abort(error);
  };
  const report = (phase: RegionProgress['phase'], urgent: boolean): void => {
    input.progress({ phase, ...counts }, urgent);
  };

  // Settles when this region fails or stops: a wait for another region's read is then over.
  const stopped = new Promise<void>((resolve) => {
    local.signal.addEventListener(
      'abort',
      () => {
        resolve();
      },
      { once: true },
    );
  });
  // Rows another region is reading, until it has read them or handed them over.
  const waits: Promise<void>[] = [];

  const hydrate = (key: string, identifier: string): Promise<void> => {
    const task = limit(async () => {
      const description = await getResource(call, input.typeName, identifier);
      if (!description) {
        // Deleted between list and read: it is no longer there to show.
        counts.listed -= 1;
        input.read(key);
        return;
      }
      input.emit([
        makeRow(source, description.Identifier ?? identifier, propertiesOf(description)),
      ]);
      input.read(key);
      counts.hydrated += 1;
      report(phase, false);
    }).catch(fail);
    pending.push(task);
    return task;
  };

  /** This region reads the row: from its list when that has every property, else GetResource. */
  const own = (key: string, identifier: string, properties: Record<string, unknown>) => {
    counts.listed += 1;
    if (needsHydration(properties, input.info.primaryIdentifier)) return hydrate(key, identifier);
    input.emit([makeRow(source, identifier, properties)]);
    input.read(key);
    counts.hydrated += 1;
    return undefined;
  };

  const take = (description: ResourceDescription): void => {
    const identifier = description.Identifier;
    if (!identifier) return;
    const key = rowKey(input.account, input.region, identifier, input.info.isGlobal);
    const claim = input.claim(key);
    if (claim.kind === 'taken') return;
    const properties = propertiesOf(description);
    if (claim.kind === 'mine') {
      void own(key, identifier, properties);
      return;
    }
    const handedOver = claim.handover.then(async (mine) => {
      if (!mine || local.signal.aborted) return;
      report(phase, false);
      await own(key, identifier, properties);
    });
    waits.push(Promise.race([handedOver, stopped]));
  };

  try {
    report('listing', true);
    const models = input.perParent ? await parentModels(input, call, limit) : [input.resourceModel];
    for (const model of models) {
      for await (const page of listPages(call, input.typeName, model)) {
        page.descriptions.forEach(take);
        report('listing', false);
      }
    }
    phase = 'hydrating';
    report('hydrating', true);
    await Promise.all([...pending, ...waits]);
  } catch (error) {
    fail(error);
  } finally {
    outer.removeEventListener('abort', onOuterAbort);
  }
  await Promise.all(pending);
  if (failure) throw failure.error;
}

/**
 * The list models for a per-parent scan: one per parent resource in the region, e.g.
 * `{ ModelPackageGroupName: 'churn-prediction' }`. A parent whose list row lacks the value
 * (lists often return only the ARN) is read with GetResource.
 */
async function parentModels(
  input: RegionScanInput,
  call: CallContext,
  limit: ReturnType<typeof pLimit>,
): Promise<Record<string, unknown>[]> {
  const parent = input.info.parent;
  if (!parent) throw new Error(`${input.typeName} has no known parent type.`);
  const reads: Promise<unknown>[] = [];
  for await (const page of listPages(call, parent.typeName, undefined)) {
    for (const description of page.descriptions) {
      const listed = propertiesOf(description)[parent.parentProperty];
      if (listed !== undefined || !description.Identifier) {
        reads.push(Promise.resolve(listed));
        continue;
      }
      const identifier = description.Identifier;
      reads.push(
        limit(async () => {
          const full = await getResource(call, parent.typeName, identifier);
          return full ? propertiesOf(full)[parent.parentProperty] : undefined;
        }),
      );
    }
  }
  const values = (await Promise.all(reads)).filter(
    (value): value is string | number => typeof value === 'string' || typeof value === 'number',
  );
  return [...new Set(values)].map((value) => ({
    ...(input.resourceModel ?? {}),
    [parent.property]: value,
  }));
}
