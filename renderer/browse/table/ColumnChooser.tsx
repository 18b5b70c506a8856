import { useEffect, useId, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { GridColumn } from '../../grid/types';
import { useInventory } from '../../store/inventory-context';
import { LOCKED_COLUMN } from '../../store/table-view';
import { useTableView, useTableViewStore } from '../../store/table-view-context';

/** Types with many properties get a box to find a column by name. */
const FIND_FROM = 12;

/**
 * The Columns button and its panel: which columns show (remembered per type), their order
 * by keyboard (move up / down), and a way back to the defaults.
 */
export function ColumnChooser() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    // Like a native popover: a click anywhere else closes it.
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (panel.current?.contains(target) || button.current?.contains(target)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    panel.current?.querySelector<HTMLElement>('input, button')?.focus();
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  return (
    <div className="chooser-anchor">
      <button
        ref={button}
        type="button"
        className="button button-quiet itable-small"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => {
          setOpen(!open);
        }}
      >
        Columns
      </button>
      {open && (
        <div
          ref={panel}
          id={panelId}
          role="dialog"
          aria-label="Columns"
          className="chooser"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              close(true);
            }
          }}
        >
          <ChooserBody
            onDone={() => {
              close(true);
            }}
          />
        </div>
      )}
    </div>
  );
}

function ChooserBody({ onDone }: { onDone: () => void }) {
  const columns = useTableView((state) => state.columns);
  const visible = useTableView(useShallow((state) => state.layout.visible));
  const multiRegion = useInventory((state) => state.multiRegion);
  const multiAccount = useInventory((state) => state.multiAccount);
  const store = useTableViewStore();
  const [find, setFind] = useState('');
  const idPrefix = useId();

  const byId = new Map(columns.map((column) => [column.id, column]));
  const shown = visible.flatMap((id) => byId.get(id) ?? []);
  const hidden = columns.filter((column) => !visible.includes(column.id));
  const needle = find.trim().toLowerCase();
  const matches = (column: GridColumn) =>
    needle === '' ||
    column.header.toLowerCase().includes(needle) ||
    (column.description ?? '').toLowerCase().includes(needle);

  const note = (column: GridColumn): string | null => {
    if (column.id === LOCKED_COLUMN) return 'Always shown.';
    if (column.id === 'region' && !multiRegion)
      return 'Shown when rows come from more than one region.';
    if (column.id === 'account' && !multiAccount)
      return 'Shown when rows come from more than one account.';
    return null;
  };

  const move = (column: GridColumn, delta: number, direction: 'up' | 'down') => {
    store.getState().moveColumn(column.id, delta);
    // Keep focus on the same button as its row moves, so repeated presses keep moving it.
    requestAnimationFrame(() => {
      document.getElementById(`${idPrefix}-${column.id}-${direction}`)?.focus();
    });
  };

  const item = (column: GridColumn, position: number | null) => {
    const checkboxId = `${idPrefix}-${column.id}`;
    const describedBy = `${checkboxId}-about`;
    const remark = note(column);
    const about = column.description !== null || remark !== null;
    return (
      <li key={column.id} className="chooser-item">
        <input
          type="checkbox"
          id={checkboxId}
          checked={position !== null}
          disabled={column.id === LOCKED_COLUMN}
          aria-describedby={about ? describedBy : undefined}
          onChange={(event) => {
            store.getState().setColumnVisible(column.id, event.target.checked);
          }}
        />
        <span className="chooser-text">
          <label htmlFor={checkboxId} className="chooser-name">
            {column.header}
          </label>
          {about && (
            <span id={describedBy} className="chooser-about">
              {column.description !== null && (
                <span className="chooser-description">{column.description}</span>
              )}
              {remark !== null && <span className="chooser-note">{remark}</span>}
            </span>
          )}
        </span>
        {position !== null && (
          <span className="chooser-move">
            <button
              type="button"
              id={`${checkboxId}-up`}
              className="button button-quiet chooser-move-button"
              aria-label={`Move ${column.header} up`}
              disabled={position === 0}
              onClick={() => {
                move(column, -1, 'up');
              }}
            >
              ↑
            </button>
            <button
              type="button"
              id={`${checkboxId}-down`}
              className="button button-quiet chooser-move-button"
              aria-label={`Move ${column.header} down`}
              disabled={position === shown.length - 1}
              onClick={() => {
                move(column, 1, 'down');
              }}
            >
              ↓
            </button>
          </span>
        )}
      </li>
    );
  };

  return (
    <>
      <div className="chooser-head">
        <span className="chooser-title">Columns</span>
        {columns.length >= FIND_FROM && (
          <input
            type="search"
            className="chooser-find"
            aria-label="Find a column"
            placeholder="Find a column"
            value={find}
            onChange={(event) => {
              setFind(event.target.value);
            }}
          />
        )}
      </div>
      <div className="chooser-lists">
        <ul className="chooser-list" aria-label="Shown columns">
          {shown.map((column, at) => (matches(column) ? item(column, at) : null))}
        </ul>
        {hidden.length > 0 && (
          <>
            <div className="chooser-divider">Hidden</div>
            <ul className="chooser-list" aria-label="Hidden columns">
              {hidden.map((column) => (matches(column) ? item(column, null) : null))}
            </ul>
          </>
        )}
      </div>
      <div className="chooser-foot">
        <button
          type="button"
          className="button"
          onClick={() => {
            store.getState().resetColumns();
          }}
        >
          Reset columns
        </button>
        <button type="button" className="button button-primary" onClick={onDone}>
          Done
        </button>
      </div>
    </>
  );
}
