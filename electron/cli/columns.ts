import type { ExportColumn } from '../../shared/contract';
import {
  columnsForType,
  type ColumnSourceType,
  type InventoryColumn,
} from '../../shared/inventory/columns';
import { CliError } from './errors';

// Enough to spot a typo's intended name; longer lists drown the one line.
const NAMES_SHOWN = 20;

/**
 * The CSV columns of an export, in file order. Without `wanted`, the table's default: the
 * region (a multi-region file needs it) and the type's default-visible columns. Names are
 * column ids (`region`, `account`, `identifier`, a property) or, failing that, property
 * names and headers in any case, as long as only one column answers to it.
 */
export function exportColumns(
  type: ColumnSourceType,
  wanted: readonly string[] | undefined,
): ExportColumn[] {
  const columns = columnsForType(type);
  if (wanted === undefined) {
    return columns.filter((c) => c.id === 'region' || c.defaultVisible).map(toExportColumn);
  }
  return wanted.map((name) => {
    const column = findColumn(columns, name);
    if (!column) throw new CliError(unknownColumn(type.typeName, name, columns));
    return toExportColumn(column);
  });
}

function findColumn(columns: readonly InventoryColumn[], name: string): InventoryColumn | null {
  const exact =
    columns.find((c) => c.id === name) ??
    columns.find((c) => 'property' in c.source && c.source.property === name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  const loose = columns.filter(
    (c) => c.id.toLowerCase() === lower || c.header.toLowerCase() === lower,
  );
  return loose.length === 1 ? (loose[0] ?? null) : null;
}

function unknownColumn(typeName: string, name: string, columns: readonly InventoryColumn[]) {
  const ids = columns.map((c) => c.id);
  const shown = ids.slice(0, NAMES_SHOWN).join(', ');
  const more = ids.length > NAMES_SHOWN ? ` and ${ids.length - NAMES_SHOWN} more` : '';
  return `${typeName} has no column "${name}"; its columns: ${shown}${more}`;
}

function toExportColumn(column: InventoryColumn): ExportColumn {
  return { id: column.id, header: column.header, kind: column.kind, source: column.source };
}
