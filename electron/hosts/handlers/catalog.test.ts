import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calls } from '../../../shared/contract';
import { createCatalogService } from '../../core/catalog/service';
import { staticSessions } from '../../core/aws/test-support/static-sessions';
import { loadRegistrySnapshot } from '../../registry/snapshot';
import { dispatch, type HandlerTable } from '../dispatch';
import { createCatalogHandlers } from './catalog';

const catalog = createCatalogService({
  snapshot: await loadRegistrySnapshot(),
  sessions: staticSessions({ endpoint: 'http://127.0.0.1:9' }),
  cacheDir: await mkdtemp(path.join(tmpdir(), 'cloudshelf-handlers-')),
  log: () => undefined,
});
// Only the catalog calls are exercised; the rest of the table is not needed here.
const handlers = createCatalogHandlers({ catalog }) as unknown as HandlerTable;
const context = { host: 'cli' } as const;

describe('catalog handlers through dispatch', () => {
  it('search answers the contract shape', async () => {
    const outcome = await dispatch(
      handlers,
      'catalog.search',
      { query: 'sagemaker image', limit: 3 },
      context,
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const value = calls['catalog.search'].result.parse(outcome.value);
    expect(value.types[0]?.typeName).toBe('AWS::SageMaker::Image');
    expect(value.types).toHaveLength(3);
  });

  it('describe answers TypeDetails, and NotFound as a typed error', async () => {
    const outcome = await dispatch(
      handlers,
      'catalog.describe',
      { typeName: 'AWS::SageMaker::ImageVersion' },
      context,
    );
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      const details = calls['catalog.describe'].result.parse(outcome.value);
      expect(details.listParents.required).toEqual(['ImageName']);
    }
    const missing = await dispatch(
      handlers,
      'catalog.describe',
      { typeName: 'AWS::No::Such' },
      context,
    );
    expect(missing).toMatchObject({ ok: false, error: { code: 'NotFound' } });
  });

  it('regions.list answers every region, with offersType only when a type is named', async () => {
    const plain = await dispatch(handlers, 'regions.list', {}, context);
    const typed = await dispatch(
      handlers,
      'regions.list',
      { typeName: 'AWS::SageMaker::Image' },
      context,
    );
    if (!plain.ok || !typed.ok) throw new Error('regions.list failed');
    const plainRegions = calls['regions.list'].result.parse(plain.value).regions;
    expect(plainRegions.every((r) => r.offersType === null)).toBe(true);
    const typedRegions = calls['regions.list'].result.parse(typed.value).regions;
    expect(typedRegions.find((r) => r.code === 'eu-west-1')?.offersType).toBe(true);
  });

  it('refresh failures reach the caller with a hint', async () => {
    const outcome = await dispatch(
      handlers,
      'catalog.refresh',
      { profile: 'p', region: 'eu-west-1' },
      context,
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'Unavailable' } });
    if (!outcome.ok) expect(outcome.error.hint).toContain('type catalog');
  });
});
