import type { Header } from '@tanstack/react-table';
import { useState, type DragEvent, type KeyboardEvent } from 'react';
import type { InventoryRow } from '../../../shared/contract';
import type { GridColumn } from '../../grid/types';
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from '../../store/table-view';
import { useTableViewStore } from '../../store/table-view-context';
import type { ColumnModel, GridFeatures } from './useColumnModel';

type GridHeader = Header<GridFeatures, InventoryRow>;

/** What the header checkbox shows: nothing, some or every filtered row selected. */
export type SelectAllState = 'none' | 'some' | 'all';

const DRAG_TYPE = 'application/x-cloudshelf-column';
const RESIZE_STEP = 10;

interface HeaderRowProps {
  model: ColumnModel;
  columnsById: ReadonlyMap<string, GridColumn>;
  selectAll: SelectAllState;
  onSelectAll: () => void;
  canSelect: boolean;
}

/**
 * Column headers: click sorts (shift adds a sort key), the edge handle resizes (drag, or
 * arrow keys when focused), and a header dragged onto another moves there.
 */
export function HeaderRow({
  model,
  columnsById,
  selectAll,
  onSelectAll,
  canSelect,
}: HeaderRowProps) {
  const headers = model.getHeaderGroups()[0]?.headers ?? [];
  const multiSort = model.state.sorting.length > 1;
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropAt, setDropAt] = useState<{ id: string; side: 'before' | 'after' } | null>(null);
  const store = useTableViewStore();

  const sideOf = (event: DragEvent<HTMLElement>): 'before' | 'after' => {
    const box = event.currentTarget.getBoundingClientRect();
    return event.clientX < box.left + box.width / 2 ? 'before' : 'after';
  };

  return (
    <div role="row" aria-rowindex={1} className="igrid-row igrid-head-row">
      <div role="columnheader" aria-colindex={1} className="hcell hcell-check">
        <input
          type="checkbox"
          aria-label="Select all filtered"
          checked={selectAll === 'all'}
          disabled={!canSelect}
          ref={(element) => {
            if (element) element.indeterminate = selectAll === 'some';
          }}
          onChange={onSelectAll}
        />
      </div>
      {headers.map((header, at) => {
        const column = columnsById.get(header.column.id);
        if (!column) return null;
        return (
          <HeaderCell
            key={header.id}
            header={header}
            column={column}
            colIndex={at + 2}
            showSortIndex={multiSort}
            dragging={dragging !== null}
            drop={dropAt?.id === column.id ? dropAt.side : null}
            onDragStart={() => {
              setDragging(column.id);
            }}
            onDragEnd={() => {
              setDragging(null);
              setDropAt(null);
            }}
            onDragOver={(event) => {
              if (dragging === null || dragging === column.id) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = 'move';
              const side = sideOf(event);
              if (dropAt?.id !== column.id || dropAt.side !== side)
                setDropAt({ id: column.id, side });
            }}
            onDrop={(event) => {
              event.preventDefault();
              const moved = event.dataTransfer.getData(DRAG_TYPE) || dragging;
              if (moved) store.getState().placeColumn(moved, column.id, sideOf(event));
              setDragging(null);
              setDropAt(null);
            }}
          />
        );
      })}
    </div>
  );
}

interface HeaderCellProps {
  header: GridHeader;
  column: GridColumn;
  colIndex: number;
  showSortIndex: boolean;
  dragging: boolean;
  drop: 'before' | 'after' | null;
  onDragStart: () => void;
  onDragEnd: () => void;
  onDragOver: (event: DragEvent<HTMLElement>) => void;
  onDrop: (event: DragEvent<HTMLElement>) => void;
}

function HeaderCell(props: HeaderCellProps) {
  const { header, column, colIndex, showSortIndex, drop } = props;
  const store = useTableViewStore();
  const sorted = header.column.getIsSorted();
  const sortIndex = header.column.getSortIndex();
  const width = header.getSize();
  const resizing = header.column.getIsResizing();
  const resize = header.getResizeHandler();

  const onSortKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    // Alt+←/→ moves the column: the keyboard's way to reorder, besides the column chooser.
    if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault();
      event.stopPropagation();
      store.getState().moveColumn(column.id, event.key === 'ArrowLeft' ? -1 : 1);
      requestAnimationFrame(() => {
        document.getElementById(sortButtonId(column.id))?.focus();
      });
    }
  };

  const onResizeKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? RESIZE_STEP * 5 : RESIZE_STEP;
    const delta = event.key === 'ArrowLeft' ? -step : event.key === 'ArrowRight' ? step : 0;
    if (delta === 0) return;
    event.preventDefault();
    event.stopPropagation();
    store.getState().setColumnWidths({ [column.id]: width + delta });
  };

  return (
    <div
      role="columnheader"
      aria-colindex={colIndex}
      // Named by its button alone, not also by the resize handle inside it.
      aria-labelledby={sortButtonId(column.id)}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
      className={`hcell hcell-${column.kind}${drop ? ` drop-${drop}` : ''}`}
      onDragOver={props.onDragOver}
      onDrop={props.onDrop}
    >
      <button
        type="button"
        id={sortButtonId(column.id)}
        className="hcell-button"
        title={column.description ?? column.header}
        draggable
        aria-keyshortcuts="Shift+Enter Alt+ArrowLeft Alt+ArrowRight"
        onDragStart={(event) => {
          event.dataTransfer.setData(DRAG_TYPE, column.id);
          event.dataTransfer.effectAllowed = 'move';
          props.onDragStart();
        }}
        onDragEnd={props.onDragEnd}
        onClick={(event) => {
          store.getState().toggleSort(column.id, event.shiftKey);
        }}
        onKeyDown={onSortKey}
      >
        <span className="hcell-label">{column.header}</span>
        {sorted !== false && (
          <span className="hcell-sort" aria-hidden="true">
            {sorted === 'asc' ? '▲' : '▼'}
            {showSortIndex ? <sub>{sortIndex + 1}</sub> : null}
          </span>
        )}
      </button>
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize ${column.header}`}
        aria-valuenow={width}
        aria-valuemin={MIN_COLUMN_WIDTH}
        aria-valuemax={MAX_COLUMN_WIDTH}
        tabIndex={0}
        className={`hcell-resize${resizing ? ' is-resizing' : ''}`}
        onMouseDown={(event) => {
          // Without this a resize that outruns the handle can turn into a header drag.
          event.preventDefault();
          resize(event);
        }}
        onTouchStart={resize}
        onKeyDown={onResizeKey}
        onClick={(event) => {
          event.stopPropagation();
        }}
      />
    </div>
  );
}

export const sortButtonId = (columnId: string): string =>
  `inventory-sort-${columnId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
