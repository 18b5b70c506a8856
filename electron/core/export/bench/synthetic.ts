import type { ColumnKind, ExportColumn, InventoryRow } from '../../../../shared/contract';

/** The benchmark's 20 columns: the three row fields and 17 properties of every kind. */
export const BENCH_PROPERTIES: readonly (readonly [string, ColumnKind])[] = [
  ['ImageName', 'text'],
  ['DisplayName', 'text'],
  ['Description', 'text'],
  ['ImageStatus', 'text'],
  ['RoleArn', 'text'],
  ['CreationTime', 'date'],
  ['LastModifiedTime', 'date'],
  ['Version', 'number'],
  ['SizeInBytes', 'number'],
  ['Score', 'number'],
  ['Enabled', 'boolean'],
  ['Owner', 'text'],
  ['Notes', 'text'],
  ['Tags', 'json'],
  ['Config', 'json'],
  ['VpcConfig', 'json'],
  ['Endpoints', 'json'],
];

export const BENCH_COLUMNS: readonly ExportColumn[] = [
  { id: 'region', header: 'Region', kind: 'text', source: { field: 'region' } },
  { id: 'account', header: 'Account', kind: 'text', source: { field: 'account' } },
  { id: 'identifier', header: 'Identifier', kind: 'text', source: { field: 'identifier' } },
  ...BENCH_PROPERTIES.map(([name, kind]) => ({
    id: name,
    header: name,
    kind,
    source: { property: name },
  })),
];

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'sa-east-1'];
const STATUSES = ['CREATED', 'CREATING', 'UPDATING', 'DELETE_FAILED'];
// Nested values come from a small pool, so generating a row costs little and holds no
// memory of its own; the writers still serialise every one of them for every row.
const POOL_SIZE = 97;
const T0 = Date.UTC(2024, 0, 1);

function nested(i: number): { tags: unknown; config: unknown; vpc: unknown; endpoints: unknown } {
  return {
    tags: [
      { Key: 'Name', Value: `image ${i}` },
      { Key: 'team', Value: i % 2 === 0 ? 'data, science' : 'ml "platform"' },
      { Key: 'cost-center', Value: String(1000 + i) },
    ],
    config: {
      KernelSpecs: [{ Name: `python3-${i}`, DisplayName: 'Python 3 (ipykernel)' }],
      FileSystemConfig: { MountPath: '/home/sagemaker-user', DefaultUid: 1000, DefaultGid: 100 },
      ContainerConfig: {
        ContainerArguments: ['--port', String(8000 + i)],
        ContainerEnvironmentVariables: { LOG_LEVEL: 'info', SEED: i },
      },
    },
    vpc: {
      SecurityGroupIds: [`sg-${(i * 7919).toString(16).padStart(8, '0')}`],
      Subnets: [`subnet-${i.toString(16).padStart(8, '0')}`, `subnet-${(i + 1).toString(16)}`],
    },
    endpoints: [
      { Address: `vpce-${i}.example.internal`, Port: 443 },
      { Address: `vpce-${i}-b.example.internal`, Port: 8443 },
    ],
  };
}

const POOL = Array.from({ length: POOL_SIZE }, (_, i) => nested(i));

/** Row `i`: deterministic, so both writers see exactly the same data. */
export function syntheticRow(i: number): InventoryRow {
  const region = REGIONS[i % REGIONS.length] ?? 'us-east-1';
  const pool = POOL[i % POOL_SIZE] ?? nested(0);
  const name = `image-${String(i).padStart(6, '0')}`;
  const identifier = `arn:aws:sagemaker:${region}:111122223333:image/${name}`;
  return {
    key: `111122223333/${region}/${identifier}`,
    typeName: 'AWS::SageMaker::Image',
    account: '111122223333',
    region,
    identifier,
    properties: {
      ImageName: name,
      // Now and then what a hostile or careless user would type: formulas, quotes, newlines.
      DisplayName: i % 50 === 0 ? `=HYPERLINK("http://x.example/${i}")` : `Image ${i}`,
      Description:
        i % 7 === 0
          ? `Line one of ${name}, with "quotes"\nand a second line`
          : `Training image ${name} for the recommendations pipeline`,
      ImageStatus: STATUSES[i % STATUSES.length],
      RoleArn: `arn:aws:iam::111122223333:role/service-role/SageMakerRole-${i % 13}`,
      CreationTime: new Date(T0 + i * 60_000).toISOString(),
      // Epoch seconds, as some AWS types return them.
      LastModifiedTime: Math.floor((T0 + i * 90_000) / 1000),
      Version: i % 17,
      SizeInBytes: i * 1_048_576,
      Score: i % 3 === 0 ? -(i / 7) : i / 7,
      Enabled: i % 2 === 0,
      Owner: i % 11 === 0 ? '@platform-team' : 'ml-team',
      Notes: i % 5 === 0 ? null : i % 5 === 1 ? undefined : `note ${i}`,
      Tags: pool.tags,
      Config: pool.config,
      VpcConfig: pool.vpc,
      Endpoints: pool.endpoints,
    },
    readAt: T0 + i,
  };
}

/** `rows` rows in batches, made only as they are asked for: nothing is kept. */
export function* syntheticBatches(rows: number, batchSize = 1000): Generator<InventoryRow[]> {
  for (let start = 0; start < rows; start += batchSize) {
    const end = Math.min(rows, start + batchSize);
    const batch: InventoryRow[] = [];
    for (let i = start; i < end; i++) batch.push(syntheticRow(i));
    yield batch;
  }
}
