import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { createGridIndex, defaultIdle, type IdleScheduler } from '../grid/index';
import type { GridIndex, SortSpec } from '../grid/types';
import { OVERSCAN, ROW_HEIGHT, type BenchTable } from './bench-table';
import { useColumnWindow } from './column-window';
import { SYNTHETIC_COLUMNS } from './synthetic-rows';

/**
 * Our table for the benchmark: the GridIndex plus a minimal virtualized grid. The real
 * InventoryTable (renderer/browse/table) can replace `OursGrid` here; this function is
 * the only thing the harness calls.
 */
export function mountOurs(container: HTMLElement): BenchTable {
  const idle = trackedIdle();
  const index = createGridIndex(SYNTHETIC_COLUMNS, { idle: idle.schedule });
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const root = createRoot(container);
  root.render(<OursGrid index={index} subscribe={subscribe} />);
  return {
    load(rows) {
      index.upsert(rows);
      for (const listener of listeners) listener();
    },
    settled: idle.settled,
    unmount: () => {
      root.unmount();
    },
  };
}

/** The index's own idle scheduler, counting what is queued so the bench can wait for it. */
function trackedIdle(): { schedule: IdleScheduler; settled: () => Promise<void> } {
  const idle = defaultIdle();
  if (idle === null) throw new Error('The bench needs requestIdleCallback.');
  let pending = 0;
  let waiters: (() => void)[] = [];
  const schedule: IdleScheduler = (work) => {
    pending++;
    idle((timeLeft) => {
      work(timeLeft);
      pending--;
      if (pending === 0) {
        for (const resolve of waiters) resolve();
        waiters = [];
      }
    });
  };
  const settled = () =>
    pending === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          waiters.push(resolve);
        });
  return { schedule, settled };
}

const WIDTHS = SYNTHETIC_COLUMNS.map((c) => c.defaultWidth);

function OursGrid(props: { index: GridIndex; subscribe: (listener: () => void) => () => void }) {
  const { index, subscribe } = props;
  const version = useSyncExternalStore(subscribe, () => index.version);
  const [sort, setSort] = useState<SortSpec[]>([]);
  const [search, setSearch] = useState('');
  // version is the dependency that says the index's rows changed.
  const view = useMemo(
    () => (version >= 0 ? index.view({ sort, search, filters: {} }) : new Uint32Array(0)),
    [index, version, sort, search],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable per view: react-virtual recomputes every row's position whenever it changes.
  const getItemKey = useCallback((position: number) => view[position] ?? position, [view]);
  // No React Compiler runs on this code; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: view.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey,
  });
  const columns = useColumnWindow(scrollRef, WIDTHS);

  const toggleSort = (columnId: string) => {
    setSort((current) => {
      const desc = current[0]?.columnId === columnId && !current[0].desc;
      return [{ columnId, desc }];
    });
  };

  return (
    <div className="bench-table">
      <div className="bench-toolbar">
        <input
          data-bench="search"
          placeholder="Search"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
          }}
        />
        <span data-bench="count">{view.length}</span>
      </div>
      <div className="bench-scroll" data-bench="scroll" ref={scrollRef}>
        <div className="bench-head" style={{ width: columns.width }}>
          {index.columns.map((column) => (
            <button
              key={column.id}
              type="button"
              data-bench="header"
              data-col={column.id}
              style={{ width: column.defaultWidth }}
              onClick={() => {
                toggleSort(column.id);
              }}
            >
              {column.header}
              {sort[0]?.columnId === column.id ? (sort[0].desc ? ' ▼' : ' ▲') : ''}
            </button>
          ))}
        </div>
        <div
          className="bench-body"
          style={{ height: virtualizer.getTotalSize(), width: columns.width }}
        >
          {virtualizer.getVirtualItems().map((item) => (
            <Row
              key={item.key}
              index={index}
              version={version}
              slot={view[item.index] ?? 0}
              start={item.start}
              first={columns.first}
              last={columns.last}
              offset={columns.offset}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

/** One row; memoized, so scrolling renders only the rows that come into view. */
const Row = memo(function Row(props: {
  index: GridIndex;
  /** The index changes in place; a new version re-renders rows whose cells may have changed. */
  version: number;
  slot: number;
  start: number;
  first: number;
  last: number;
  offset: number;
}) {
  const { index, slot, start, first, last, offset } = props;
  return (
    <div
      className="bench-row"
      data-bench="row"
      style={{ transform: `translateY(${start}px)`, paddingLeft: offset }}
    >
      {index.columns.slice(first, last + 1).map((column) => (
        <div key={column.id} className="bench-cell" style={{ width: column.defaultWidth }}>
          {index.text(slot, column.id)}
        </div>
      ))}
    </div>
  );
});
