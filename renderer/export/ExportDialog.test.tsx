import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { InventoryRow } from '../../shared/contract';
import { fakeApi } from '../store/test-api';
import { ExportDialog } from './ExportDialog';
import type { ExportSource } from './export-plan';

/*
 * The dialog as it first renders (static markup: the tests run in Node, without a DOM).
 * The export itself is runExport's test; clicking through it is the end-to-end test's.
 */

const row = (n: number): InventoryRow => ({
  key: `k${String(n)}`,
  typeName: 'AWS::SageMaker::Image',
  account: '123456789012',
  region: 'eu-west-1',
  identifier: `image-${String(n)}`,
  properties: { ImageName: `image-${String(n)}` },
  readAt: 0,
});

const source: ExportSource = {
  typeName: 'AWS::SageMaker::Image',
  viewRows: [row(1), row(2)],
  viewColumns: [
    { id: 'ImageName', header: 'ImageName', kind: 'text', source: { property: 'ImageName' } },
  ],
  allRows: [row(1), row(2), row(3)],
  allColumns: [],
  incompleteRegions: [],
};

describe('ExportDialog', () => {
  const html = renderToStaticMarkup(
    <ExportDialog api={fakeApi({}).api} source={source} onClose={() => undefined} />,
  );

  it('is a dialog titled Export, offering the table’s counts', () => {
    expect(html).toMatch(/^<dialog[^>]*data-dialog="export"[^>]*aria-labelledby="([^"]+)"/);
    expect(html).toMatch(/<h2 id="[^"]+" class="[^"]*">Export<\/h2>/);
    expect(html).toContain('2 rows, 1 column');
    expect(html).toContain('3 rows, every property');
  });

  it('suggests a file name from the type and today', () => {
    expect(html).toMatch(/value="sagemaker-images-\d{4}-\d{2}-\d{2}\.csv"/);
  });

  it('starts idle: Cancel, then Export as the default button; no progress yet', () => {
    const buttons = [...html.matchAll(/<button([^>]*)>(.*?)<\/button>/g)].map((m) => m[2]);
    expect(buttons).toEqual(['Cancel', 'Export']);
    expect(html).toMatch(/<button type="submit" class="button button-primary">Export</);
    expect(html).not.toContain('progressbar');
    expect(html).toContain('role="status"');
  });
});
