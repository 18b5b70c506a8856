import { describe, expect, it } from 'vitest';
import type { InventoryRow, RegionScanStatus } from '../../../shared/contract';
import { EventBus } from '../events';
import { sleep } from './abort';
import { ScanOutput } from './batcher';

function row(identifier: string): InventoryRow {
  return {
    key: `1/r/${identifier}`,
    typeName: 'T::T::T',
    account: '1',
    region: 'r',
    identifier,
    properties: {},
    readAt: 0,
  };
}

const status = (state: RegionScanStatus['state'], listed = 0): RegionScanStatus => ({
  scanId: 's',
  region: 'r',
  state,
  listed,
  hydrated: 0,
});

function recorder(bus: EventBus): string[] {
  const log: string[] = [];
  bus.on('inventory.rows', (p) => log.push(`rows:${p.rows.map((r) => r.identifier).join(',')}`));
  bus.on('inventory.status', (p) => log.push(`status:${p.state}:${p.listed}`));
  return log;
}

describe('ScanOutput', () => {
  it('batches rows and count changes per tick', async () => {
    const bus = new EventBus();
    const log = recorder(bus);
    const output = new ScanOutput(bus, 's', 20);
    output.status(status('listing'), true);
    output.rows([row('a')]);
    output.rows([row('b')]);
    output.status(status('listing', 1), false);
    output.status(status('listing', 2), false);
    expect(log).toEqual(['status:listing:0']);
    await sleep(40);
    expect(log).toEqual(['status:listing:0', 'rows:a,b', 'status:listing:2']);
    expect(output.rowCount).toBe(2);
  });

  it('flushes rows before a state change, and keeps every state', () => {
    const bus = new EventBus();
    const log = recorder(bus);
    const output = new ScanOutput(bus, 's', 1000);
    output.status(status('queued'), false);
    output.status(status('listing'), true);
    output.rows([row('a')]);
    output.status(status('done', 1), true);
    expect(log).toEqual(['status:queued:0', 'status:listing:0', 'rows:a', 'status:done:1']);
  });

  it('emits nothing after close', async () => {
    const bus = new EventBus();
    const log = recorder(bus);
    const output = new ScanOutput(bus, 's', 5);
    output.rows([row('a')]);
    output.close();
    output.rows([row('b')]);
    output.status(status('done'), true);
    output.flush();
    await sleep(20);
    expect(log).toEqual([]);
    expect(output.closed).toBe(true);
  });
});
