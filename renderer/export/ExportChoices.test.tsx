import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../shared/contract';
import { ExportChoices } from './ExportChoices';

/*
 * Static markup (the tests run in Node, without a DOM): what each control is called and
 * whether it can be used. Clicking is covered by the end-to-end test.
 */

const noop = (): void => undefined;

function choices(format: ExportFormat, extra: { disabled?: boolean; error?: string } = {}) {
  return renderToStaticMarkup(
    <ExportChoices
      format={format}
      scope="view"
      options={{ bom: false, neutralizeFormulas: true }}
      fileName="sagemaker-images-2026-11-23.csv"
      fileNameError={extra.error ?? null}
      counts={{ viewRows: 12, viewColumns: 5, allRows: 85, allColumns: 31 }}
      disabled={extra.disabled ?? false}
      onFormat={noop}
      onScope={noop}
      onOptions={noop}
      onFileName={noop}
    />,
  );
}

/** The text of each <label>, tags stripped, in document order. */
const labels = (html: string): string[] =>
  [...html.matchAll(/<label[^>]*>(.*?)<\/label>/g)].map((match) =>
    (match[1] ?? '').replace(/<[^>]+>/g, '').replace(/&#x27;|&apos;/g, "'"),
  );

const legends = (html: string): string[] =>
  [...html.matchAll(/<legend[^>]*>(.*?)<\/legend>/g)].map((match) => match[1] ?? '');

describe('ExportChoices', () => {
  it('groups format, rows and CSV options, each control named by its label', () => {
    const html = choices('csv');
    expect(legends(html)).toEqual(['Format', 'Rows', 'CSV options']);
    expect(labels(html)).toEqual([
      'CSV',
      'JSON',
      'JSON Lines',
      'What you see — 12 rows, 5 columns',
      'Everything — 85 rows, every property',
      'Add a byte order mark (for Excel)',
      'Neutralise formulas (recommended for spreadsheets; turn off for scripts)',
      'File name',
    ]);
    expect(html).toMatch(/<input type="radio"[^>]*checked=""[^>]*value="csv"/);
    expect(html).toMatch(/<input type="radio"[^>]*checked=""[^>]*value="view"/);
  });

  it('for JSON formats the rows carry full properties and the CSV options are disabled', () => {
    const html = choices('jsonl');
    expect(labels(html)).toContain('What you see — 12 rows, full properties');
    expect(labels(html)).toContain('Everything — 85 rows, full properties');
    expect(html).toMatch(/<fieldset class="export-group" disabled=""><legend[^>]*>CSV options/);
    expect(choices('csv')).not.toMatch(/disabled=""><legend[^>]*>CSV options/);
  });

  it('disables every choice while exporting', () => {
    expect(choices('csv', { disabled: true })).toMatch(
      /^<fieldset class="export-choices" disabled="">/,
    );
    expect(choices('csv')).toMatch(/^<fieldset class="export-choices">/);
  });

  it('ties a file name problem to the field', () => {
    const html = choices('csv', { error: 'Enter a file name.' });
    const field = /<input id="[^"]+-name"[^>]*>/.exec(html)?.[0] ?? '';
    expect(field).toContain('aria-invalid="true"');
    const described = /aria-describedby="([^"]+)"/.exec(field)?.[1];
    expect(html).toContain(
      `<p id="${described ?? '?'}" class="export-field-error">Enter a file name.</p>`,
    );
  });
});
