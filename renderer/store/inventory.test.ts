import { describe, expect, it, vi } from 'vitest';
import type { InventoryRow, RegionScanStatus, TypeDetails } from '../../shared/contract';
import { CloudshelfError } from '../../shared/contract';
import type { GridColumn, GridIndex } from '../grid/types';
import { createInventoryStore } from './inventory';
import { fakeApi, settle, type Answers, type FakeApi } from './test-api';

// The store's own logic is under test, not the table engine: both are replaced by doubles.
vi.mock('../grid', () => ({ createGridIndex: () => fakeIndex([]) }));
vi.mock('../../shared/inventory/columns', () => ({ columnsForType: () => [] }));

const imageType: TypeDetails = {
  typeName: 'AWS::SageMaker::Image',
  service: 'SageMaker',
  description: 'A SageMaker image.',
  operations: ['list', 'read'],
  listNeedsParent: false,
  primaryIdentifier: ['/properties/ImageArn'],
  permissions: {},
  listParents: { required: [], optional: [] },
  regions: null,
  documentationUrl: null,
  schema: '{}',
  source: 'snapshot',
};

const packageType: TypeDetails = {
  ...imageType,
  typeName: 'AWS::SageMaker::ModelPackage',
  listNeedsParent: true,
};

const column: GridColumn = {
  id: 'identifier',
  header: 'Identifier',
  kind: 'text',
  source: { field: 'identifier' },
  description: null,
  defaultVisible: true,
  defaultWidth: 200,
};

/** A plain Map standing in for the grid index. */
function fakeIndex(columns: readonly GridColumn[]): GridIndex & { keys(): string[] } {
  const rows = new Map<string, InventoryRow>();
  let version = 0;
  return {
    columns,
    get size() {
      return rows.size;
    },
    get version() {
      return version;
    },
    upsert(added) {
      for (const row of added) rows.set(row.key, row);
      version++;
    },
    remove(predicate) {
      for (const [key, row] of rows) if (predicate(row)) rows.delete(key);
      version++;
    },
    clear() {
      rows.clear();
      version++;
    },
    row: (slot) => {
      const found = [...rows.values()][slot];
      if (!found) throw new Error(`no slot ${slot}`);
      return found;
    },
    slotOf: (key) => [...rows.keys()].indexOf(key),
    text: () => '',
    view: () => new Uint32Array(rows.size).map((_, i) => i),
    keys: () => [...rows.keys()].sort(),
  };
}

const row = (region: string, name: string, account = '111122223333'): InventoryRow => ({
  key: `${account}/${region}/${name}`,
  typeName: 'AWS::SageMaker::Image',
  account,
  region,
  identifier: name,
  properties: { ImageName: name },
  readAt: 0,
});

const status = (
  scanId: string,
  region: string,
  state: RegionScanStatus['state'],
  extra: Partial<RegionScanStatus> = {},
): RegionScanStatus => ({ scanId, region, state, listed: 0, hydrated: 0, ...extra });

const scope = (regions: string[], typeName = 'AWS::SageMaker::Image') => ({
  profile: 'Sandbox',
  regions,
  typeName,
});

/** A store over a fake API whose scans are numbered scan-1, scan-2, …; frames run on demand. */
function setup(answers: Answers = {}) {
  let scans = 0;
  const fake = fakeApi({
    'catalog.describe': ({ typeName }) =>
      typeName === packageType.typeName ? packageType : imageType,
    'inventory.scan': ({ scanId }) => ({ scanId }),
    'inventory.cancel': () => ({ cancelled: true }),
    ...answers,
  });
  const frames: (() => void)[] = [];
  const store = createInventoryStore(fake.api, {
    schedule: (flush) => frames.push(flush),
    createIndex: fakeIndex,
    columnsFor: () => [column],
    newScanId: () => `scan-${++scans}`,
  });
  const stop = store.getState().start();
  const frame = () => {
    for (const flush of frames.splice(0)) flush();
  };
  const keys = () => (store.getState().index as ReturnType<typeof fakeIndex> | null)?.keys() ?? [];
  return { ...fake, store, stop, frame, frames, keys };
}

describe('inventory store', () => {
  it('describes the type, scans the scope and applies its events', async () => {
    const { store, argsOf, emit, frame } = setup();
    const loading = store.getState().load(scope(['us-east-1', 'eu-west-1']));
    expect(store.getState().phase).toBe('describing');
    // Every region shows as queued before the first event arrives.
    expect(Object.keys(store.getState().regions)).toEqual(['us-east-1', 'eu-west-1']);
    await loading;

    expect(argsOf('inventory.scan')).toEqual([
      {
        scanId: 'scan-1',
        profile: 'Sandbox',
        regions: ['us-east-1', 'eu-west-1'],
        typeName: 'AWS::SageMaker::Image',
      },
    ]);
    expect(store.getState().phase).toBe('scanning');
    expect(store.getState().type).toBe(imageType);
    expect(store.getState().columns).toEqual([column]);

    emit(
      'inventory.status',
      status('scan-1', 'us-east-1', 'hydrating', { listed: 2, hydrated: 1 }),
    );
    emit('inventory.rows', { scanId: 'scan-1', rows: [row('us-east-1', 'a')] });
    frame();
    expect(store.getState().regions['us-east-1']?.state).toBe('hydrating');
    expect(store.getState().multiRegion).toBe(false);

    emit('inventory.rows', { scanId: 'scan-1', rows: [row('eu-west-1', 'b')] });
    emit('inventory.status', status('scan-1', 'us-east-1', 'done', { listed: 2, hydrated: 2 }));
    emit('inventory.status', status('scan-1', 'eu-west-1', 'done', { listed: 1, hydrated: 1 }));
    emit('inventory.finished', { scanId: 'scan-1', state: 'done', rows: 2 });

    const state = store.getState();
    expect(state.phase).toBe('settled');
    expect(state.index?.size).toBe(2);
    expect(state.multiRegion).toBe(true);
    expect(state.multiAccount).toBe(false);
    expect(state.regions['eu-west-1']?.state).toBe('done');
  });

  it('applies the rows of one frame together, bumping rowsVersion once', async () => {
    const { store, emit, frame, frames } = setup();
    await store.getState().load(scope(['us-east-1']));
    const before = store.getState().rowsVersion;
    emit('inventory.rows', { scanId: 'scan-1', rows: [row('us-east-1', 'a')] });
    emit('inventory.rows', { scanId: 'scan-1', rows: [row('us-east-1', 'b')] });
    emit('inventory.rows', { scanId: 'scan-1', rows: [row('us-east-1', 'c')] });
    expect(frames).toHaveLength(1);
    expect(store.getState().index?.size).toBe(0);
    frame();
    expect(store.getState().index?.size).toBe(3);
    expect(store.getState().rowsVersion).toBe(before + 1);
    frame();
    expect(store.getState().rowsVersion).toBe(before + 1);
  });

  it('falls back to a timer for frames where there is no requestAnimationFrame', async () => {
    const fake = fakeApi({
      'catalog.describe': () => imageType,
      'inventory.scan': ({ scanId }) => ({ scanId }),
    });
    const store = createInventoryStore(fake.api, { createIndex: fakeIndex, columnsFor: () => [] });
    store.getState().start();
    await store.getState().load(scope(['us-east-1']));
    const scanId = fake.argsOf('inventory.scan')[0]?.scanId ?? '';
    fake.emit('inventory.rows', { scanId, rows: [row('us-east-1', 'a')] });
    expect(store.getState().index?.size).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(store.getState().index?.size).toBe(1);
  });

  it('starts each scan under a new UUID it made, and applies that scan’s events', async () => {
    let emit: FakeApi['emit'] = () => undefined;
    const fake = fakeApi({
      'catalog.describe': () => imageType,
      // Answers at once, but its events have already arrived by then.
      'inventory.scan': ({ scanId }) => {
        emit('inventory.rows', { scanId, rows: [row('us-east-1', 'a')] });
        emit('inventory.finished', { scanId, state: 'done', rows: 1 });
        return { scanId };
      },
    });
    emit = fake.emit;
    const store = createInventoryStore(fake.api, {
      schedule: (flush) => {
        flush();
      },
      createIndex: fakeIndex,
      columnsFor: () => [],
    });
    store.getState().start();
    await store.getState().load(scope(['us-east-1']));
    await store.getState().refresh();
    const ids = fake.argsOf('inventory.scan').map((args) => args.scanId);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(store.getState().phase).toBe('settled');
    expect(store.getState().index?.size).toBe(1);
  });

  it('asks for a per-parent scan when the type lists under a parent', async () => {
    const { store, argsOf } = setup();
    await store.getState().load(scope(['us-east-1'], packageType.typeName));
    expect(argsOf('inventory.scan')[0]?.perParent).toBe(true);
  });

  it('applies events that beat the scan call’s answer, and only that scan’s', async () => {
    let release: (() => void) | undefined;
    const { store, emit, frame } = setup({
      'inventory.scan': ({ scanId }) =>
        new Promise((resolve) => {
          release = () => {
            resolve({ scanId });
          };
        }),
    });
    const loading = store.getState().load(scope(['us-east-1']));
    await settle();
    emit('inventory.status', status('scan-1', 'us-east-1', 'listing'));
    emit('inventory.rows', { scanId: 'scan-1', rows: [row('us-east-1', 'a')] });
    emit('inventory.rows', { scanId: 'scan-other', rows: [row('us-east-1', 'z')] });
    release?.();
    await loading;
    frame();
    expect(store.getState().index?.size).toBe(1);
    expect(store.getState().regions['us-east-1']?.state).toBe('listing');
  });

  it('ignores a replaced scan, and cancels it', async () => {
    const { store, emit, frame, argsOf, keys } = setup();
    await store.getState().load(scope(['us-east-1']));
    await store.getState().load(scope(['eu-west-1']));
    expect(argsOf('inventory.cancel')).toEqual([{ scanId: 'scan-1' }]);

    emit('inventory.rows', { scanId: 'scan-1', rows: [row('us-east-1', 'old')] });
    emit('inventory.status', status('scan-1', 'us-east-1', 'done'));
    emit('inventory.finished', { scanId: 'scan-1', state: 'cancelled', rows: 1 });
    emit('inventory.rows', { scanId: 'scan-2', rows: [row('eu-west-1', 'new')] });
    frame();
    expect(store.getState().phase).toBe('scanning');
    expect(keys()).toEqual(['111122223333/eu-west-1/new']);
    expect(Object.keys(store.getState().regions)).toEqual(['eu-west-1']);
  });

  it('drops a describe answer that a newer load replaced', async () => {
    let releaseFirst: (() => void) | undefined;
    let first = true;
    const { store, argsOf } = setup({
      'catalog.describe': () => {
        if (!first) return packageType;
        first = false;
        return new Promise((resolve) => {
          releaseFirst = () => {
            resolve(imageType);
          };
        });
      },
    });
    const stale = store.getState().load(scope(['us-east-1']));
    await settle();
    await store.getState().load(scope(['us-east-1'], packageType.typeName));
    releaseFirst?.();
    await stale;
    expect(store.getState().type).toBe(packageType);
    expect(argsOf('inventory.scan')).toHaveLength(1);
  });

  it('does not restart a scan of the same scope that is still running', async () => {
    const { store, argsOf } = setup();
    await store.getState().load(scope(['us-east-1']));
    await store.getState().load(scope(['us-east-1']));
    expect(argsOf('inventory.scan')).toHaveLength(1);
  });

  it('retries a failed region, keeping finished regions’ rows and rescanning unfinished ones', async () => {
    const { store, emit, frame, argsOf, keys } = setup();
    await store.getState().load(scope(['us-east-1', 'eu-west-1', 'ap-northeast-1', 'us-west-2']));
    emit('inventory.rows', {
      scanId: 'scan-1',
      rows: [row('us-east-1', 'a'), row('us-west-2', 'w'), row('ap-northeast-1', 'partial')],
    });
    emit('inventory.status', status('scan-1', 'us-east-1', 'done', { hydrated: 1 }));
    emit('inventory.status', status('scan-1', 'us-west-2', 'failed', { error: failure }));
    emit('inventory.status', status('scan-1', 'eu-west-1', 'failed', { error: failure }));
    emit('inventory.status', status('scan-1', 'ap-northeast-1', 'hydrating', { hydrated: 1 }));
    // Not yet flushed: rows that arrived before the retry are kept all the same.
    await store.getState().retryRegion('eu-west-1');

    expect(argsOf('inventory.scan')[1]?.regions).toEqual(['eu-west-1', 'ap-northeast-1']);
    // The region's old rows and the unfinished region's partial rows go; the rest stay.
    expect(keys()).toEqual(['111122223333/us-east-1/a', '111122223333/us-west-2/w']);
    const regions = store.getState().regions;
    expect(regions['us-east-1']?.state).toBe('done');
    expect(regions['us-west-2']?.state).toBe('failed');
    expect(regions['eu-west-1']?.state).toBe('queued');
    expect(regions['ap-northeast-1']?.state).toBe('queued');
    expect(store.getState().phase).toBe('scanning');

    // The superseded scan's last words change nothing.
    emit('inventory.status', status('scan-1', 'ap-northeast-1', 'cancelled'));
    emit('inventory.finished', { scanId: 'scan-1', state: 'superseded', rows: 3 });
    emit('inventory.rows', { scanId: 'scan-2', rows: [row('eu-west-1', 'e')] });
    emit('inventory.status', status('scan-2', 'eu-west-1', 'done', { hydrated: 1 }));
    emit('inventory.status', status('scan-2', 'ap-northeast-1', 'done', { hydrated: 0 }));
    frame();
    expect(store.getState().regions['ap-northeast-1']?.state).toBe('done');
    emit('inventory.finished', { scanId: 'scan-2', state: 'done', rows: 1 });
    expect(store.getState().phase).toBe('settled');
    expect(keys()).toHaveLength(3);
    expect(store.getState().regions['us-west-2']?.state).toBe('failed');
  });

  it('updates multiRegion when a retry removes the only other region’s rows', async () => {
    const { store, emit, frame } = setup();
    await store.getState().load(scope(['us-east-1', 'eu-west-1']));
    emit('inventory.rows', {
      scanId: 'scan-1',
      rows: [row('us-east-1', 'a'), row('eu-west-1', 'b')],
    });
    emit('inventory.status', status('scan-1', 'us-east-1', 'done'));
    emit('inventory.status', status('scan-1', 'eu-west-1', 'failed', { error: failure }));
    frame();
    expect(store.getState().multiRegion).toBe(true);
    await store.getState().retryRegion('eu-west-1');
    expect(store.getState().multiRegion).toBe(false);
  });

  it('shows why the type could not be described, and a retry recovers', async () => {
    let fail = true;
    const { store } = setup({
      'catalog.describe': () => {
        if (fail) throw new CloudshelfError('NotFound', 'No such type.', 'Pick another type.');
        return imageType;
      },
    });
    await store.getState().load(scope(['us-east-1']));
    expect(store.getState().phase).toBe('failed');
    expect(store.getState().error).toEqual({
      code: 'NotFound',
      message: 'No such type.',
      hint: 'Pick another type.',
    });
    fail = false;
    await store.getState().refresh();
    expect(store.getState().phase).toBe('scanning');
    expect(store.getState().error).toBeNull();
  });

  it('fails with the reason when the scan cannot start', async () => {
    const { store } = setup({
      'inventory.scan': () => {
        throw new CloudshelfError('InvalidArguments', 'Bad scope.');
      },
    });
    await store.getState().load(scope(['us-east-1']));
    expect(store.getState().phase).toBe('failed');
    expect(store.getState().error?.message).toBe('Bad scope.');
  });

  it('refresh scans the same scope again from scratch', async () => {
    const { store, emit, frame, argsOf } = setup();
    await store.getState().load(scope(['us-east-1']));
    emit('inventory.rows', { scanId: 'scan-1', rows: [row('us-east-1', 'a')] });
    emit('inventory.finished', { scanId: 'scan-1', state: 'done', rows: 1 });
    frame();
    await store.getState().refresh();
    expect(argsOf('inventory.scan')).toHaveLength(2);
    expect(store.getState().index?.size).toBe(0);
    expect(store.getState().phase).toBe('scanning');
  });

  it('cancel stops the scan and marks unfinished regions cancelled', async () => {
    const { store, emit, frame, argsOf } = setup();
    await store.getState().load(scope(['us-east-1', 'eu-west-1']));
    emit('inventory.status', status('scan-1', 'us-east-1', 'done'));
    frame();
    await store.getState().cancel();
    expect(argsOf('inventory.cancel')).toEqual([{ scanId: 'scan-1' }]);
    expect(store.getState().phase).toBe('settled');
    expect(store.getState().regions['us-east-1']?.state).toBe('done');
    expect(store.getState().regions['eu-west-1']?.state).toBe('cancelled');
    emit('inventory.rows', { scanId: 'scan-1', rows: [row('eu-west-1', 'late')] });
    frame();
    expect(store.getState().index?.size).toBe(0);
  });

  it('stops listening when stopped', () => {
    const { stop, listenerCount } = setup();
    expect(listenerCount()).toBe(3);
    stop();
    expect(listenerCount()).toBe(0);
  });
});

const failure = { code: 'RegionUnavailable', message: 'Down.', hint: 'Later.' };
