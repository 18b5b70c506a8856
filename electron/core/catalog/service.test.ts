import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudshelfError } from '../../../shared/contract';
import { defaultSnapshotPath } from '../../registry/snapshot-path';
import { createRegistrySnapshot, loadRegistrySnapshot } from '../../registry/snapshot';
import { readTarGz, type TarFile } from '../../registry/tar-gz';
import { startSandbox, type RunningSandbox } from '../../sandbox/index';
import { createTypeCatalog } from '../../sandbox/schema/type-catalog';
import { staticSessions } from '../aws/test-support/static-sessions';
import { createCatalogService, type CatalogServiceOptions } from './service';

// The app's bundled snapshot, and a "newer AWS": the same registry where SageMaker::Image has
// a new version and one type exists that the snapshot has never heard of.
const bundled = await loadRegistrySnapshot();
const NEWER = new Date('2027-01-15T00:00:00.000Z');
const NEW_DESCRIPTION = 'Image, as the live registry now describes it.';
const widgetSchema = JSON.stringify({
  typeName: 'AWS::Cloudshelf::Widget',
  description: 'A widget only the live registry knows.',
  properties: { WidgetName: { type: 'string' } },
  primaryIdentifier: ['/properties/WidgetName'],
  handlers: {
    create: { permissions: ['cloudshelf:CreateWidget'] },
    read: { permissions: ['cloudshelf:GetWidget'] },
    delete: { permissions: ['cloudshelf:DeleteWidget'] },
    list: { permissions: ['cloudshelf:ListWidgets'] },
  },
});

async function newerRegistryFiles(): Promise<TarFile[]> {
  const files = await readTarGz(await readFile(defaultSnapshotPath()));
  const patched = files.map((file) => {
    const text = file.content.toString('utf8');
    if (!/"typeName"\s*:\s*"AWS::SageMaker::Image"/.test(text)) return file;
    const schema = JSON.parse(text) as Record<string, unknown>;
    schema.description = NEW_DESCRIPTION;
    return { ...file, mtime: NEWER, content: Buffer.from(JSON.stringify(schema, null, 2)) };
  });
  const widget = {
    name: 'aws-cloudformation-schema/aws-cloudshelf-widget.json',
    mtime: NEWER,
    content: Buffer.from(widgetSchema),
  };
  return [...patched, widget];
}

let sandbox: RunningSandbox;
let sessions: ReturnType<typeof staticSessions>;
const liveCatalog = createTypeCatalog(createRegistrySnapshot(await newerRegistryFiles()));

function service(cacheDir: string, extra: Partial<CatalogServiceOptions> = {}) {
  const lines: string[] = [];
  const catalog = createCatalogService({
    snapshot: bundled,
    sessions,
    cacheDir,
    log: (line) => lines.push(line),
    ...extra,
  });
  return { catalog, lines };
}

const tempDir = () => mkdtemp(path.join(tmpdir(), 'cloudshelf-catalog-'));

beforeAll(async () => {
  sandbox = await startSandbox({ catalog: liveCatalog, seed: false });
  sessions = staticSessions({ endpoint: sandbox.endpoint });
});

afterAll(async () => {
  sessions.destroy();
  await sandbox.close();
});

describe('catalog from the bundled snapshot (offline)', () => {
  it('searches every Cloud Control type, SageMaker images first for "sagemaker image"', async () => {
    const { catalog, lines } = service(await tempDir());
    const started = performance.now();
    const all = await catalog.search(undefined, 2000);
    const elapsed = performance.now() - started;
    console.log(
      `catalog first search (index build) ${Math.round(elapsed)} ms; ${lines.join('; ')}`,
    );
    expect(all.total).toBe(1490);
    const images = await catalog.search('sagemaker image', 5);
    expect(images.types.map((t) => t.typeName).slice(0, 2)).toEqual([
      'AWS::SageMaker::Image',
      'AWS::SageMaker::ImageVersion',
    ]);
    const packages = await catalog.search('sagemaker modelpackage', 5);
    expect(packages.types[0]).toMatchObject({
      typeName: 'AWS::SageMaker::ModelPackage',
      service: 'SageMaker',
      listNeedsParent: false,
    });
    const again = performance.now();
    await catalog.search('bucket', 20);
    expect(performance.now() - again).toBeLessThan(50);
  });

  it('describes a type with permissions, list parents, regions and the schema text', async () => {
    const { catalog } = service(await tempDir());
    const image = await catalog.describe('AWS::SageMaker::Image');
    const schema = bundled.schema('AWS::SageMaker::Image');
    expect(image).toMatchObject({
      typeName: 'AWS::SageMaker::Image',
      service: 'SageMaker',
      primaryIdentifier: ['ImageArn'],
      listNeedsParent: false,
      listParents: { required: [], optional: [] },
      source: 'snapshot',
      regions: null,
    });
    for (const op of ['create', 'read', 'update', 'delete', 'list'] as const) {
      expect(image.permissions[op]).toEqual(schema?.handlers?.[op]?.permissions);
    }
    expect(image.permissions.list).toEqual(['sagemaker:ListImages']);
    expect(image.schema).toBe(bundled.schemaText('AWS::SageMaker::Image'));
    expect(image.documentationUrl).toBe(
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sagemaker-image.html',
    );
    expect((await catalog.describe('AWS::SageMaker::ModelPackage')).listParents.optional).toContain(
      'ModelPackageGroupName',
    );
    expect((await catalog.describe('AWS::SageMaker::ImageVersion')).listParents).toEqual({
      required: ['ImageName'],
      optional: [],
    });
  });

  it('answers NotFound for an unknown type', async () => {
    const { catalog } = service(await tempDir());
    await expect(catalog.describe('AWS::Nope::Nothing')).rejects.toMatchObject({
      code: 'NotFound',
    });
  });
});

describe('live refresh through the real CloudFormation client', () => {
  it('lists every page, describes only what changed, caches per region, and works offline after', async () => {
    const cacheDir = await tempDir();
    const { catalog, lines } = service(cacheDir);
    const started = performance.now();
    const result = await catalog.refresh('sandbox', 'eu-west-1');
    console.log(`catalog refresh eu-west-1 ${Math.round(performance.now() - started)} ms`);
    // 1,490 provisionable types (15 pages of FULLY_MUTABLE/IMMUTABLE at 100) plus the new one.
    expect(result).toEqual({ types: 1491, source: 'live' });
    expect(lines.some((l) => l.includes('2 described'))).toBe(true);
    expect((await readdir(path.join(cacheDir, 'eu-west-1', 'schemas'))).sort()).toEqual([
      'AWS__Cloudshelf__Widget.json',
      'AWS__SageMaker__Image.json',
    ]);

    const image = await catalog.describe('AWS::SageMaker::Image', { region: 'eu-west-1' });
    expect(image).toMatchObject({ source: 'cache', description: NEW_DESCRIPTION });
    expect((await catalog.describe('AWS::EC2::VPC')).source).toBe('snapshot');
    const widget = await catalog.describe('AWS::Cloudshelf::Widget');
    expect(widget).toMatchObject({
      source: 'cache',
      operations: ['create', 'read', 'delete', 'list'],
    });
    // eu-west-1 listed it; regions nobody has asked yet are tried rather than skipped.
    expect(widget.regions).toEqual(expect.arrayContaining(['eu-west-1', 'us-east-1']));
    expect((await catalog.search('widget', 5)).types[0]?.typeName).toBe('AWS::Cloudshelf::Widget');

    // A second refresh right away answers from the cache without calling AWS.
    expect(await catalog.refresh('sandbox', 'eu-west-1')).toEqual({ types: 1491, source: 'cache' });

    // A "restart" with AWS out of reach: the cache still answers.
    const offline = service(cacheDir, {
      sessions: staticSessions({ endpoint: 'http://127.0.0.1:9' }),
    });
    expect(await offline.catalog.describe('AWS::SageMaker::Image')).toMatchObject({
      source: 'cache',
      description: NEW_DESCRIPTION,
    });
  });

  it('re-describes nothing on a later refresh that finds the same versions', async () => {
    const cacheDir = await tempDir();
    await service(cacheDir).catalog.refresh('sandbox', 'ap-northeast-1');
    const later = service(cacheDir, { minRefreshIntervalMs: 0 });
    expect(await later.catalog.refresh('sandbox', 'ap-northeast-1')).toMatchObject({
      source: 'live',
    });
    expect(later.lines.some((l) => l.includes('0 described'))).toBe(true);
  });

  it('ignores corrupt cache files (logged) and serves the snapshot', async () => {
    const cacheDir = await tempDir();
    await service(cacheDir).catalog.refresh('sandbox', 'us-west-2');
    await writeFile(
      path.join(cacheDir, 'us-west-2', 'schemas', 'AWS__SageMaker__Image.json'),
      '{"oops',
    );
    const broken = service(cacheDir);
    expect(await broken.catalog.describe('AWS::SageMaker::Image')).toMatchObject({
      source: 'snapshot',
    });
    expect(broken.lines.join('\n')).toContain('ignoring unreadable');

    await writeFile(path.join(cacheDir, 'us-west-2', 'index.json'), 'not json at all');
    const corrupt = service(cacheDir);
    expect((await corrupt.catalog.describe('AWS::SageMaker::Image')).source).toBe('snapshot');
    expect(corrupt.lines.join('\n')).toContain('ignoring corrupt');
    expect((await corrupt.catalog.search('sagemaker image', 1)).total).toBeGreaterThan(0);
  });

  it('fails a refresh in an AccessDenied region with an actionable error, still serving the catalog', async () => {
    const cacheDir = await tempDir();
    const { catalog, lines } = service(cacheDir);
    sandbox.faults.set({ accessDeniedRegions: ['us-east-1'] });
    try {
      const failure = await catalog.refresh('sandbox', 'us-east-1').catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(CloudshelfError);
      expect(failure).toMatchObject({ code: 'Forbidden' });
      expect((failure as CloudshelfError).hint).toContain('cloudformation:ListTypes');
    } finally {
      sandbox.faults.reset();
    }
    expect(lines.join('\n')).toContain('failed: Forbidden');
    expect(await readdir(cacheDir)).toEqual([]);
    expect((await catalog.describe('AWS::SageMaker::Image')).source).toBe('snapshot');
  });

  it('fails a refresh without network with Unavailable and keeps the cache', async () => {
    const cacheDir = await tempDir();
    await service(cacheDir).catalog.refresh('sandbox', 'eu-west-1');
    const unreachable = service(cacheDir, {
      sessions: staticSessions({ endpoint: 'http://127.0.0.1:9' }),
      minRefreshIntervalMs: 0,
    });
    await expect(unreachable.catalog.refresh('sandbox', 'eu-west-1')).rejects.toMatchObject({
      code: 'Unavailable',
      message: expect.stringContaining('could not reach') as unknown,
    });
    expect((await unreachable.catalog.describe('AWS::SageMaker::Image')).source).toBe('cache');
  });

  it('refuses a region code that is not one', async () => {
    const { catalog } = service(await tempDir());
    await expect(catalog.refresh('sandbox', '../etc')).rejects.toMatchObject({
      code: 'InvalidArguments',
    });
  });
});

describe('regions', () => {
  it('lists commercial regions with opt-in flags and where a type is offered', async () => {
    const { catalog } = service(await tempDir());
    const all = await catalog.regions();
    expect(all.find((r) => r.code === 'af-south-1')).toEqual({
      code: 'af-south-1',
      name: 'Africa (Cape Town)',
      optIn: true,
      offersType: null,
    });
    const images = await catalog.regions('AWS::SageMaker::Image');
    for (const code of ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1']) {
      expect(images.find((r) => r.code === code)?.offersType, code).toBe(true);
    }
    const streams = await catalog.regions('AWS::GameLiftStreams::StreamGroup');
    expect(streams.find((r) => r.code === 'us-east-1')?.offersType).toBe(false);
    expect(streams.find((r) => r.code === 'us-east-2')?.offersType).toBe(true);
  });
});
