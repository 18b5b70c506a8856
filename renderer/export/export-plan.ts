import type {
  ExportColumn,
  ExportFormat,
  InventoryRow,
  RegionScanStatus,
} from '../../shared/contract';
import { typeLabel } from '../ui/type-label';
import type { GridColumn, GridIndex, ViewQuery } from '../grid/types';

/** "What you see" (the table's view and columns) or "Everything" (every row, every property). */
export type ExportScope = 'view' | 'all';

/**
 * What the Export dialog offers, taken when it opens: rows stream in and the user keeps
 * filtering underneath, but an export writes exactly the counts the dialog showed.
 */
export interface ExportSource {
  typeName: string;
  /** The table's rows after search and filters, in display order. */
  viewRows: readonly InventoryRow[];
  /** The visible columns, in display order. */
  viewColumns: readonly ExportColumn[];
  /** Every row, in the table's sort, ignoring search and filters. */
  allRows: readonly InventoryRow[];
  /** Every column the type has. */
  allColumns: readonly ExportColumn[];
  /** Regions whose scan failed or was cancelled part-way: their list is incomplete. */
  incompleteRegions: readonly string[];
}

export const FILE_EXTENSION: Readonly<Record<ExportFormat, string>> = {
  csv: 'csv',
  json: 'json',
  jsonl: 'jsonl',
};

/** The contract's column: the grid column without its display-only fields. */
export function toExportColumn(column: GridColumn): ExportColumn {
  const { id, header, kind, source } = column;
  return { id, header, kind, source };
}

function rowsOf(index: GridIndex, slots: Uint32Array): InventoryRow[] {
  // Rows, not slots: a later remove() renumbers slots, the row objects stay what they were.
  const rows = new Array<InventoryRow>(slots.length);
  for (let i = 0; i < slots.length; i++) rows[i] = index.row(slots[i] ?? 0);
  return rows;
}

export function exportSource(input: {
  index: GridIndex;
  typeName: string;
  /** The columns on screen, in order. */
  shown: readonly GridColumn[];
  /** The query the table shows (see viewQuery). */
  query: ViewQuery;
  /** Each region's scan outcome, as the region strip shows it. */
  regions: Readonly<Record<string, Pick<RegionScanStatus, 'state'>>>;
}): ExportSource {
  const { index, typeName, shown, query, regions } = input;
  return {
    typeName,
    viewRows: rowsOf(index, index.view(query)),
    viewColumns: shown.map(toExportColumn),
    allRows: rowsOf(index, index.view({ sort: query.sort, search: '', filters: {} })),
    allColumns: index.columns.map(toExportColumn),
    // Failed or cancelled before its list was done: the rows it gave are all it has.
    incompleteRegions: Object.keys(regions).filter((region) => {
      const state = regions[region]?.state;
      return state === 'failed' || state === 'cancelled';
    }),
  };
}

/** The columns `export.begin` takes: CSV writes these; JSON formats carry every property. */
export function columnsFor(
  source: ExportSource,
  scope: ExportScope,
  format: ExportFormat,
): ExportColumn[] {
  if (format !== 'csv') return [];
  return [...(scope === 'view' ? source.viewColumns : source.allColumns)];
}

export const rowsFor = (source: ExportSource, scope: ExportScope): readonly InventoryRow[] =>
  scope === 'view' ? source.viewRows : source.allRows;

/**
 * What a row is sent as. A CSV needs only its columns' properties, so the rest stays out of
 * the call; JSON and JSON Lines carry the whole row.
 */
export function rowProjector(
  format: ExportFormat,
  columns: readonly ExportColumn[],
): (row: InventoryRow) => InventoryRow {
  if (format !== 'csv') return (row) => row;
  const names = columns.flatMap((column) =>
    'property' in column.source ? [column.source.property] : [],
  );
  return (row) => ({
    ...row,
    // fromEntries defines own properties, so even a property named __proto__ survives.
    properties: Object.fromEntries(
      names
        .filter((name) => Object.hasOwn(row.properties, name))
        .map((name) => [name, row.properties[name]]),
    ),
  });
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "AWS::SageMaker::Image" on 23 Nov 2026 → `sagemaker-images-2026-11-23.csv` (local date). */
export function suggestedFileName(typeName: string, format: ExportFormat, now: Date): string {
  const slug =
    typeLabel(typeName)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'export';
  const date = `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `${slug}-${date}.${FILE_EXTENSION[format]}`;
}

/** The name with the format's extension in place of an export extension, or added. */
export function withExtension(name: string, format: ExportFormat): string {
  const base = name.trim().replace(/\.(?:csv|jsonl|json)$/i, '');
  return `${base}.${FILE_EXTENSION[format]}`;
}

/** Why a file name cannot be used (the main process accepts a plain name only), or null. */
export function fileNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter a file name.';
  if (/[/\\]/.test(trimmed) || trimmed.includes('\u0000')) {
    return 'A file name cannot contain / or \\.';
  }
  if (trimmed.length > 200) return 'Use a file name of at most 200 characters.';
  return null;
}
