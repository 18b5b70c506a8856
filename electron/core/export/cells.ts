import type { ExportColumn, InventoryRow } from '../../../shared/contract';
import { cellText } from '../../../shared/inventory/cell-text';

/** The value a column reads: a row field, or the resource's own top-level property. */
export function columnValue(row: InventoryRow, column: ExportColumn): unknown {
  const { source } = column;
  if ('field' in source) return row[source.field];
  // Own properties only: `constructor` or `__proto__` must read as missing, not as
  // Object.prototype's members.
  return Object.hasOwn(row.properties, source.property)
    ? row.properties[source.property]
    : undefined;
}

/**
 * Whether a spreadsheet could run `text` as a formula: it starts with `=`, `+`, `-`, `@`,
 * tab or carriage return (OWASP's CSV injection list), or with the full-width `＝＋－＠`
 * that Apple Numbers folds to those (csv-stringify's own escape_formulas checks them too).
 */
export function startsLikeFormula(text: string): boolean {
  const c = text.charCodeAt(0);
  // Most cells start with a letter or a digit: one comparison rules the full-width forms out.
  if (c < 0xff0b) {
    // = + - @ tab CR
    return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d;
  }
  return c === 0xff1d || c === 0xff0b || c === 0xff0d || c === 0xff20;
}

/** A leading `'` makes spreadsheets show the cell as text instead of evaluating it. */
export function neutralizeFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/**
 * The text of one CSV cell: exactly what the table shows (`cellText`), then neutralised
 * against formula injection when asked.
 *
 * JSON numbers are exempt (`-5` stays `-5`): their text is only digits, sign, `.` and `e`,
 * so it cannot call anything, and a spreadsheet should read it as the number it is. The
 * exemption follows the value, not the column's kind: a string is never exempt, even in a
 * number column (`"-5"` could as well be `"-1+cmd|' /C calc'!A0"`), nor is a number shown
 * as a date (its text is ours, but `+275760-09-13…` is not a number to a spreadsheet).
 */
export function exportCellText(
  row: InventoryRow,
  column: ExportColumn,
  neutralizeFormulas: boolean,
): string {
  const value = columnValue(row, column);
  const text = cellText(value, column.kind);
  if (!neutralizeFormulas) return text;
  if ((typeof value === 'number' || typeof value === 'bigint') && column.kind !== 'date') {
    return text;
  }
  return neutralizeFormula(text);
}

/** One CSV record: a row's cells for the columns, in order. */
export function exportCells(
  row: InventoryRow,
  columns: readonly ExportColumn[],
  neutralizeFormulas: boolean,
): string[] {
  return columns.map((column) => exportCellText(row, column, neutralizeFormulas));
}
