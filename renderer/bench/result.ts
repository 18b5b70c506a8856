/*
 * What the table benchmark reports, as types only: no DOM types and no imports, so the
 * Node-typed driver (e2e/bench/table.perf.ts) can share them with the page's harness.ts.
 */

/** Scrolling a step per frame; times in milliseconds. */
export interface ScrollResults {
  frames: number;
  intervalP95: number;
  intervalMax: number;
  workP95: number;
  workMax: number;
  /** Frames whose interval or work took over 20 ms. */
  slowFrames: number;
}

/** What one implementation measured; times in milliseconds. */
export interface BenchResults {
  rows: number;
  /** load(rows) → the frame showing them has been produced. */
  firstPaint: number;
  /** How long after that first paint background preparation went on (0 for none). */
  settledAfter: number;
  /** Sorting by identifier right after the first paint, before background preparation. */
  coldSort: number;
  sortAsc: number;
  sortDesc: number;
  /** The first row's sort-column text after each sort, to check both agree. */
  firstAfterSort: [string, string];
  query: string;
  keystrokes: number[];
  /** Rows in the view after the last keystroke. */
  matches: number;
  scroll: ScrollResults;
  domRows: number;
  /** Rows that fit the viewport, plus overscan on both sides: the most the DOM should hold. */
  domRowLimit: number;
}
