import { describe, expect, it } from 'vitest';
import { columnsForType, type InventoryColumn } from './columns';
import s3BucketSchema from './fixtures/s3-bucket.schema.json';
import modelPackageSchema from './fixtures/sagemaker-modelpackage.schema.json';
import imageSchema from './fixtures/sagemaker-image.schema.json';

// The registry hands schemas over as JSON text.
const s3Bucket = JSON.stringify(s3BucketSchema);
const modelPackage = JSON.stringify(modelPackageSchema);
const image = JSON.stringify(imageSchema);

function byId(columns: InventoryColumn[]): Map<string, InventoryColumn> {
  return new Map(columns.map((c) => [c.id, c]));
}

const visibleIds = (columns: InventoryColumn[]) =>
  columns.filter((c) => c.defaultVisible).map((c) => c.id);

describe('columnsForType', () => {
  it('starts with region, account and identifier, then keeps AWS property names exactly', () => {
    const columns = columnsForType({
      typeName: 'AWS::SageMaker::Image',
      primaryIdentifier: ['/properties/ImageArn'],
      schema: image,
    });
    expect(columns.slice(0, 3).map((c) => [c.id, c.header, c.kind])).toEqual([
      ['region', 'Region', 'text'],
      ['account', 'Account', 'text'],
      ['identifier', 'Identifier', 'text'],
    ]);
    expect(columns.map((c) => c.id).sort()).toEqual(
      [
        'region',
        'account',
        'identifier',
        'ImageName',
        'ImageArn',
        'ImageRoleArn',
        'ImageDisplayName',
        'ImageDescription',
        'Tags',
      ].sort(),
    );
    for (const c of columns.slice(3)) {
      expect(c.header).toBe(c.id);
      expect(c.source).toEqual({ property: c.id });
    }
  });

  it('resolves $ref for kind and description, and puts nested values last', () => {
    const columns = columnsForType({
      typeName: 'AWS::SageMaker::Image',
      primaryIdentifier: ['/properties/ImageArn'],
      schema: image,
    });
    const c = byId(columns);
    expect(c.get('ImageName')?.kind).toBe('text');
    expect(c.get('ImageName')?.description).toBe('The name of the image.');
    expect(c.get('Tags')?.kind).toBe('json');
    expect(c.get('Tags')?.description).toBe(
      'An array of key-value pairs to apply to this resource.',
    );
    expect(columns.at(-1)?.id).toBe('Tags');
  });

  it('shows the identifier and the most useful scalars, not the primary identifier again', () => {
    const columns = columnsForType({
      typeName: 'AWS::SageMaker::Image',
      primaryIdentifier: ['/properties/ImageArn'],
      schema: image,
    });
    const visible = visibleIds(columns);
    expect(visible[0]).toBe('identifier');
    expect(visible[1]).toBe('ImageName');
    expect(visible).toContain('ImageDisplayName');
    expect(visible).not.toContain('ImageArn');
    expect(visible).not.toContain('ImageRoleArn');
    expect(visible).not.toContain('Tags');
    expect(visible).not.toContain('region');
  });

  it('drops write-only properties and types dates, numbers and booleans', () => {
    const columns = columnsForType({
      typeName: 'AWS::SageMaker::ModelPackage',
      primaryIdentifier: ['/properties/ModelPackageArn'],
      schema: modelPackage,
    });
    const c = byId(columns);
    expect(c.has('ClientToken')).toBe(false);
    expect(c.has('AdditionalInferenceSpecificationsToAdd')).toBe(false);
    expect(c.get('CreationTime')?.kind).toBe('date');
    expect(c.get('LastModifiedTime')?.kind).toBe('date');
    expect(c.get('ModelPackageVersion')?.kind).toBe('number');
    expect(c.get('CertifyForMarketplace')?.kind).toBe('boolean');
    expect(c.get('ModelApprovalStatus')?.kind).toBe('text');
    expect(c.get('InferenceSpecification')?.kind).toBe('json');
    expect(c.get('CreationTime')?.defaultWidth).toBe(190);
    expect(c.get('ModelPackageVersion')?.defaultWidth).toBe(110);

    const visible = visibleIds(columns);
    expect(visible.length).toBeLessThanOrEqual(7);
    expect(visible).toEqual(
      expect.arrayContaining([
        'identifier',
        'ModelPackageName',
        'ModelPackageStatus',
        'CreationTime',
      ]),
    );
    expect(visible).not.toContain('ModelPackageArn');

    // Scalars (after the fixed three) all come before every nested column.
    const kinds = columns.slice(3).map((col) => col.kind === 'json');
    expect(kinds.indexOf(true)).toBeGreaterThan(0);
    expect(kinds.slice(kinds.indexOf(true)).every(Boolean)).toBe(true);
  });

  it('handles a $ref-heavy schema: enums, booleans, nested configurations', () => {
    const columns = columnsForType({
      typeName: 'AWS::S3::Bucket',
      primaryIdentifier: ['/properties/BucketName'],
      schema: s3Bucket,
    });
    const c = byId(columns);
    expect(c.has('AccessControl')).toBe(false);
    expect(c.get('BucketName')?.defaultVisible).toBe(false);
    // Host names and URLs are long and derived from the name: not shown by default.
    expect(visibleIds(columns)).toEqual(['identifier', 'AbacStatus', 'ObjectLockEnabled']);
    expect(c.get('ObjectLockEnabled')?.kind).toBe('boolean');
    expect(c.get('AbacStatus')?.kind).toBe('text');
    expect(c.get('Arn')?.kind).toBe('text');
    expect(c.get('BucketEncryption')?.kind).toBe('json');
    expect(c.get('LifecycleConfiguration')?.kind).toBe('json');
    expect(c.get('Tags')?.kind).toBe('json');
    expect(c.get('Tags')?.defaultWidth).toBe(260);
    expect(c.get('identifier')?.defaultWidth).toBe(260);
    expect(c.get('region')?.defaultWidth).toBe(120);
  });

  it('survives reference cycles, dangling references and unions', () => {
    const schema = JSON.stringify({
      properties: {
        Loop: { $ref: '#/definitions/A' },
        Missing: { $ref: '#/definitions/Nope' },
        Either: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
        Mixed: { type: ['object', 'string'] },
        Count: { type: ['integer', 'null'] },
        CreatedAt: { type: 'string' },
        Format: { type: 'string' },
        Status: { enum: ['ON', 'OFF'] },
      },
      definitions: { A: { $ref: '#/definitions/B' }, B: { $ref: '#/definitions/A' } },
    });
    const c = byId(columnsForType({ typeName: 'AWS::X::Y', primaryIdentifier: [], schema }));
    expect(c.get('Loop')?.kind).toBe('json');
    expect(c.get('Missing')?.kind).toBe('json');
    expect(c.get('Either')?.kind).toBe('text');
    expect(c.get('Mixed')?.kind).toBe('json');
    expect(c.get('Count')?.kind).toBe('number');
    expect(c.get('CreatedAt')?.kind).toBe('date');
    expect(c.get('Format')?.kind).toBe('text');
    expect(c.get('Status')?.kind).toBe('text');
  });

  it('falls back to the fixed columns when the schema is unreadable', () => {
    const columns = columnsForType({ typeName: 'AWS::X::Y', primaryIdentifier: [], schema: '{' });
    expect(columns.map((c) => c.id)).toEqual(['region', 'account', 'identifier']);
  });

  it('does not let a property take a fixed column id', () => {
    const schema = JSON.stringify({ properties: { region: { type: 'string' } } });
    const columns = columnsForType({ typeName: 'AWS::X::Y', primaryIdentifier: [], schema });
    expect(columns.map((c) => c.id)).toEqual([
      'region',
      'account',
      'identifier',
      'properties/region',
    ]);
    expect(columns[3]?.header).toBe('region');
  });
});
