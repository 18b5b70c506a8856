import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../core/inventory/test-support/harness';
import { dispatch, type HandlerTable } from '../dispatch';
import { createInventoryHandlers } from './inventory';

let h: Harness;
let handlers: HandlerTable;
beforeAll(async () => {
  h = await startHarness();
  // Only the two inventory calls matter here; the rest of the table is never called.
  handlers = createInventoryHandlers({ scans: h.engine }) as HandlerTable;
});
afterAll(async () => {
  await h.close();
});

describe('inventory handlers', () => {
  it('inventory.scan answers a scan id at once; inventory.cancel stops it', async () => {
    const started = await dispatch(
      handlers,
      'inventory.scan',
      { profile: 'Sandbox', regions: ['us-east-1'], typeName: 'AWS::SageMaker::Image' },
      { host: 'cli' },
    );
    expect(started).toMatchObject({ ok: true, value: { scanId: expect.any(String) as string } });
    const scanId = started.ok ? (started.value as { scanId: string }).scanId : '';
    const cancelled = await dispatch(handlers, 'inventory.cancel', { scanId }, { host: 'cli' });
    expect(cancelled).toEqual({ ok: true, value: { cancelled: true } });
    const again = await dispatch(handlers, 'inventory.cancel', { scanId }, { host: 'cli' });
    expect(again).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('refuses a per-parent scan of a type without a known parent, saying what to do', async () => {
    const outcome = await dispatch(
      handlers,
      'inventory.scan',
      {
        profile: 'Sandbox',
        regions: ['us-east-1'],
        typeName: 'AWS::SageMaker::Image',
        perParent: true,
      },
      { host: 'cli' },
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'InvalidArguments' } });
    expect(outcome.ok ? '' : outcome.error.hint).toMatch(/resource model/);
  });
});
