import { setMaxListeners } from 'node:events';
import type { ResourceDescription } from '@aws-sdk/client-cloudcontrol';
import pLimit from 'p-limit';
import type { InventoryRow } from '../../../shared/contract';
import { abortReason } from './abort';
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
  /** False when the row was already taken (a global type from another region, a repeat). */
  claim(key: string): boolean;
  emit(rows: InventoryRow[]): void;
  progress(progress: RegionProgress, urgent: boolean): void;
}

/**
 * Scans one region: list pages (following NextToken) and, as each page arrives, reads the
 * partial rows with GetResource under bounded concurrency, so listing and hydration overlap
 * and the region's request rate, not its latency, sets the pace. Throws the first failure.
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

  const hydrate = (identifier: string): void => {
    const task = limit(async () => {
      const description = await getResource(call, input.typeName, identifier);
      if (!description) {
        // Deleted between list and read: it is no longer there to show.
        counts.listed -= 1;
        return;
      }
      input.emit([
        makeRow(source, description.Identifier ?? identifier, propertiesOf(description)),
      ]);
      counts.hydrated += 1;
      report(phase, false);
    });
    pending.push(task.catch(fail));
  };

  const take = (description: ResourceDescription): void => {
    const identifier = description.Identifier;
    if (!identifier) return;
    if (!input.claim(rowKey(input.account, input.region, identifier, input.info.isGlobal))) return;
    counts.listed += 1;
    const properties = propertiesOf(description);
    if (needsHydration(properties, input.info.primaryIdentifier)) {
      hydrate(identifier);
    } else {
      input.emit([makeRow(source, identifier, properties)]);
      counts.hydrated += 1;
    }
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
    await Promise.all(pending);
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
