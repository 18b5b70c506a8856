import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportColumns } from './columns';
import { CliError } from './errors';

const type = {
  typeName: 'AWS::SageMaker::Image',
  primaryIdentifier: ['/properties/ImageArn'],
  schema: readFileSync(
    new URL('../../shared/inventory/fixtures/sagemaker-image.schema.json', import.meta.url),
    'utf8',
  ),
};

describe('exportColumns', () => {
  it("defaults to the region and the app table's default columns", () => {
    expect(exportColumns(type, undefined).map((c) => c.id)).toEqual([
      'region',
      'identifier',
      'ImageName',
      'ImageDisplayName',
      'ImageDescription',
    ]);
  });

  it('keeps the order asked for, by id or property name in any case', () => {
    const columns = exportColumns(type, ['imagename', 'account', 'Region', 'ImageArn']);
    expect(columns.map((c) => c.header)).toEqual(['ImageName', 'Account', 'Region', 'ImageArn']);
    expect(columns[0]).toEqual({
      id: 'ImageName',
      header: 'ImageName',
      kind: 'text',
      source: { property: 'ImageName' },
    });
  });

  it('names the unknown column and the valid ones', () => {
    expect(() => exportColumns(type, ['region', 'Colour'])).toThrow(CliError);
    expect(() => exportColumns(type, ['Colour'])).toThrow(
      'AWS::SageMaker::Image has no column "Colour"; its columns: region, account, identifier, ImageName,',
    );
  });
});
