import type { InventoryRow } from '../../shared/contract';
import { seededRandom } from '../grid/seeded-random';
import type { GridColumn } from '../grid/types';

const TYPE_NAME = 'AWS::SageMaker::Image';
const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'sa-east-1',
];
const ACCOUNTS = ['123456789012', '210987654321', '555500001111'];
const STATUSES = ['CREATED', 'CREATED', 'CREATED', 'CREATING', 'UPDATING', 'CREATE_FAILED'];
const WORDS = [
  'alpha',
  'beta',
  'gamma',
  'delta',
  'prod',
  'dev',
  'staging',
  'ml',
  'train',
  'infer',
  'vision',
  'nlp',
  'fraud',
  'churn',
  'forecast',
  'ranker',
  'embed',
  'Tabular',
  'Pytorch',
  'XGB',
];
const TEAMS = ['data-science', 'platform', 'research', 'growth', 'risk'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** The bench's columns: the fixed three plus the SageMaker image properties below. */
export const SYNTHETIC_COLUMNS: readonly GridColumn[] = [
  column('region', 'Region', 'text', { field: 'region' }, 120),
  column('account', 'Account', 'text', { field: 'account' }, 130),
  column('identifier', 'Identifier', 'text', { field: 'identifier' }, 260),
  column('ImageName', 'ImageName', 'text', { property: 'ImageName' }, 220),
  column('ImageStatus', 'ImageStatus', 'text', { property: 'ImageStatus' }, 130),
  column('DisplayName', 'DisplayName', 'text', { property: 'DisplayName' }, 200),
  column('CreationTime', 'CreationTime', 'date', { property: 'CreationTime' }, 190),
  column('LastModifiedTime', 'LastModifiedTime', 'date', { property: 'LastModifiedTime' }, 190),
  column('VersionCount', 'VersionCount', 'number', { property: 'VersionCount' }, 110),
  column('Description', 'Description', 'text', { property: 'Description' }, 260),
  column('ImageArn', 'ImageArn', 'text', { property: 'ImageArn' }, 260),
  column('RoleArn', 'RoleArn', 'text', { property: 'RoleArn' }, 260),
  column('Tags', 'Tags', 'json', { property: 'Tags' }, 260),
];

function column(
  id: string,
  header: string,
  kind: GridColumn['kind'],
  source: GridColumn['source'],
  defaultWidth: number,
): GridColumn {
  return { id, header, kind, source, description: null, defaultVisible: true, defaultWidth };
}

/** `count` SageMaker-image-like rows, the same for the same seed. */
export function syntheticRows(count: number, seed = 42): InventoryRow[] {
  const random = seededRandom(seed);
  const rows: InventoryRow[] = [];
  const start = Date.UTC(2019, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  for (let i = 0; i < count; i++) {
    const region = pick(random, REGIONS);
    const account = pick(random, ACCOUNTS);
    const name = `${pick(random, WORDS)}-${pick(random, WORDS)}-image-${i}`;
    const arn = `arn:aws:sagemaker:${region}:${account}:image/${name.toLowerCase()}`;
    const created = start + Math.floor(random() * span);
    const modified = created + Math.floor(random() * 90 * 86_400_000);
    rows.push({
      key: `${account}/${region}/${arn}`,
      typeName: TYPE_NAME,
      account,
      region,
      identifier: arn,
      properties: {
        ImageName: name,
        ImageArn: arn,
        ImageStatus: pick(random, STATUSES),
        DisplayName: `${pick(random, WORDS)} ${pick(random, WORDS)} ${i % 1000}`,
        Description: `Custom ${pick(random, WORDS)} image for ${pick(random, TEAMS)} (${pick(random, WORDS)})`,
        CreationTime: new Date(created).toISOString(),
        LastModifiedTime: new Date(modified).toISOString(),
        VersionCount: Math.floor(random() * 40),
        RoleArn: `arn:aws:iam::${account}:role/SageMaker-${pick(random, TEAMS)}-${Math.floor(random() * 50)}`,
        Tags: [
          { Key: 'team', Value: pick(random, TEAMS) },
          { Key: 'env', Value: pick(random, ['prod', 'dev', 'staging']) },
        ],
      },
      readAt: start + span,
    });
  }
  return rows;
}
