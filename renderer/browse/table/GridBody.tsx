import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, type MouseEvent } from 'react';
import type { GridColumn, GridIndex } from '../../grid/types';
import { useTableViewStore } from '../../store/table-view-context';
import { focusGrid } from '../../ui/dom-ids';
import { HEAD_HEIGHT, OVERSCAN, ROW_HEIGHT } from './geometry';
import { Row } from './Row';
import { useColumnWindow } from './useColumnWindow';

const rowHeight = (): number => ROW_HEIGHT;

interface GridBodyProps {
  element: HTMLDivElement | null;
  index: GridIndex;
  view: Uint32Array;
  rowsVersion: number;
  columns: readonly GridColumn[];
  widths: readonly number[];
  selection: ReadonlySet<string>;
  activeSlot: number;
  activePosition: number;
}

/**
 * The body rows, virtualized both ways: only the rows and columns in view (plus a few) are
 * in the DOM. Scrolling re-renders this component alone, not the toolbar or headers, and
 * rows that stay in view are memoised.
 */
export function GridBody(props: GridBodyProps) {
  const { element, index, view, rowsVersion, columns, widths, selection } = props;
  const { activeSlot, activePosition } = props;
  const store = useTableViewStore();
  const inView = useColumnWindow(element, widths);

  // The active row is always rendered, so aria-activedescendant always points at a row.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const positions = defaultRangeExtractor(range);
      if (activePosition >= 0 && !positions.includes(activePosition)) {
        positions.push(activePosition);
        positions.sort((a, b) => a - b);
      }
      return positions;
    },
    [activePosition],
  );
  // Stable per view: a new getItemKey or estimateSize makes the virtualizer recompute the
  // position of every row (100,000 of them), on every scrolled frame.
  const getItemKey = useCallback((position: number) => view[position] ?? position, [view]);
  // No React Compiler runs on this code; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: view.length,
    getScrollElement: () => element,
    estimateSize: rowHeight,
    overscan: OVERSCAN,
    scrollMargin: HEAD_HEIGHT,
    getItemKey,
    rangeExtractor,
  });

  const onRowClick = useCallback(
    (slot: number, event: MouseEvent) => {
      const key = index.row(slot).key;
      const state = store.getState();
      if (event.shiftKey) {
        state.selectRange(key, view, index);
        store.getState().setActive(key, { anchor: false });
      } else if (event.ctrlKey || event.metaKey) {
        state.toggleSelected(key);
        store.getState().setActive(key, { anchor: false });
      } else {
        state.setActive(key, { open: true });
      }
    },
    [store, index, view],
  );
  const onCheckboxClick = useCallback(
    (slot: number, event: MouseEvent) => {
      const key = index.row(slot).key;
      if (event.shiftKey) store.getState().selectRange(key, view, index);
      else store.getState().toggleSelected(key);
      store.getState().setActive(key, { anchor: false });
      // Keys go on working on the grid, not on the (untabbable) checkbox.
      focusGrid();
    },
    [store, index, view],
  );

  return (
    <div role="rowgroup" className="igrid-body" style={{ height: view.length * ROW_HEIGHT }}>
      {virtualizer.getVirtualItems().map((item) => {
        const slot = view[item.index];
        if (slot === undefined) return null;
        return (
          <Row
            key={slot}
            index={index}
            slot={slot}
            rowsVersion={rowsVersion}
            position={item.index}
            columns={columns}
            firstColumn={inView.first}
            lastColumn={inView.last}
            selected={selection.has(index.row(slot).key)}
            active={slot === activeSlot}
            onRowClick={onRowClick}
            onCheckboxClick={onCheckboxClick}
          />
        );
      })}
    </div>
  );
}
