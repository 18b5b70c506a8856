import { describe, expect, it } from 'vitest';
import { progressText, resultText, rowsPhrase, scopeDetail } from './wording';

describe('export wording', () => {
  it('counts rows with grouping and the right plural', () => {
    expect(rowsPhrase(1)).toBe('1 row');
    expect(rowsPhrase(0)).toBe('0 rows');
    expect(rowsPhrase(12_000)).toBe('12,000 rows');
  });

  it('says what each Rows choice writes, per format', () => {
    expect(scopeDetail('view', 'csv', 12, 5)).toBe('12 rows, 5 columns');
    expect(scopeDetail('view', 'csv', 1, 1)).toBe('1 row, 1 column');
    expect(scopeDetail('all', 'csv', 85, 30)).toBe('85 rows, every property');
    expect(scopeDetail('view', 'json', 12, 5)).toBe('12 rows, full properties');
    expect(scopeDetail('all', 'jsonl', 85, 30)).toBe('85 rows, full properties');
  });

  it('reports progress as rows sent of the total', () => {
    expect(progressText(4000, 12_000)).toBe('Exporting 4,000 of 12,000 rows…');
  });

  it('says where the file went: a path on the desktop, a download in the browser', () => {
    const base = { rows: 85, bytes: 9000 };
    expect(
      resultText({ ...base, path: '/home/me/images.csv', downloadUrl: null }, 'images.csv'),
    ).toBe('Saved 85 rows to /home/me/images.csv');
    expect(resultText({ ...base, path: null, downloadUrl: '/x/1' }, 'images.csv')).toBe(
      'Downloaded images.csv (85 rows)',
    );
  });
});
