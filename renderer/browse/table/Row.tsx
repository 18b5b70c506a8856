import { memo, type MouseEvent } from 'react';
import type { GridColumn, GridIndex } from '../../grid/types';
import { rowDomId } from '../../ui/dom-ids';
import { HEAD_ROWS, ROW_HEIGHT } from './geometry';

export interface RowProps {
  index: GridIndex;
  slot: number;
  /** Not read: it makes a re-read row (same slot, new values) render again. */
  rowsVersion: number;
  /** Position in the filtered, sorted view. */
  position: number;
  columns: readonly GridColumn[];
  /** The columns in the horizontal viewport (inclusive); the others are not drawn. */
  firstColumn: number;
  lastColumn: number;
  selected: boolean;
  active: boolean;
  onRowClick: (slot: number, event: MouseEvent) => void;
  onCheckboxClick: (slot: number, event: MouseEvent) => void;
}

/**
 * One body row. Memoised on its props, so a keystroke in the search box or a selection
 * change only renders the rows whose slot, position or state changed.
 */
export const Row = memo(function Row(props: RowProps) {
  const { index, slot, position, columns, firstColumn, lastColumn, selected, active } = props;
  const { onRowClick, onCheckboxClick } = props;
  const identifier = index.row(slot).identifier;
  return (
    <div
      role="row"
      id={rowDomId(slot)}
      aria-rowindex={position + HEAD_ROWS + 1}
      aria-selected={selected}
      className={`igrid-row igrid-body-row${selected ? ' is-selected' : ''}${active ? ' is-active' : ''}`}
      style={{ transform: `translateY(${position * ROW_HEIGHT}px)` }}
      onClick={(event) => {
        onRowClick(slot, event);
      }}
    >
      <div role="gridcell" aria-colindex={1} className="icell icell-check">
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={`Select ${identifier}`}
          checked={selected}
          readOnly
          onClick={(event) => {
            event.stopPropagation();
            onCheckboxClick(slot, event);
          }}
        />
      </div>
      {columns.slice(firstColumn, lastColumn + 1).map((column, at) => {
        const text = index.text(slot, column.id);
        // Cells place themselves, so the columns scrolled out of view can be left out.
        const place = firstColumn + at + 2;
        return (
          <div
            key={column.id}
            role="gridcell"
            aria-colindex={place}
            className={`icell icell-${column.kind}`}
            style={{ gridColumn: place }}
            title={text.length > 24 ? text : undefined}
          >
            {text}
          </div>
        );
      })}
    </div>
  );
});
