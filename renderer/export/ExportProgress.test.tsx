import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ExportProgress } from './ExportProgress';

describe('ExportProgress', () => {
  it('is a progress bar with the rows sent as its value, and says so in words', () => {
    const html = renderToStaticMarkup(<ExportProgress sent={4000} total={12_000} />);
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-label="Export progress"');
    expect(html).toContain('aria-valuemin="0"');
    expect(html).toContain('aria-valuemax="12000"');
    expect(html).toContain('aria-valuenow="4000"');
    expect(html).toContain('aria-valuetext="Exporting 4,000 of 12,000 rows…"');
    expect(html).toContain('width:33.3%');
    expect(html).toContain('<p class="export-progress-text">Exporting 4,000 of 12,000 rows…</p>');
  });

  it('an export of no rows is full at once', () => {
    expect(renderToStaticMarkup(<ExportProgress sent={0} total={0} />)).toContain('width:100.0%');
  });
});
