import type { InventoryRow } from '../../shared/contract';
import { OVERSCAN, ROW_HEIGHT, type MountTable } from './bench-table';
import type { BenchResults, ScrollResults } from './result';

export type { BenchResults, ScrollResults } from './result';

const SORT_COLUMN = 'ImageName';
// ARNs: long shared prefixes, the slowest text to sort.
const COLD_SORT_COLUMN = 'identifier';
const QUERY = 'sage';
const SCROLL_FRAMES = 150;
const SCROLL_STEP_PX = 120;
// Pause between interactions, as a person would, so one's work never lands in the next.
const PAUSE_MS = 300;

/**
 * Resolves just after the next frame is produced: a task queued from requestAnimationFrame
 * runs once that frame's style, layout and paint are done.
 */
export function afterPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        resolve(performance.now());
      };
      channel.port2.postMessage(null);
    });
  });
}

/**
 * Lets a driving script act at phase boundaries (e.g. start a CPU profile just for the
 * scroll); `window.tableBenchPhase` is set by such a script, never by the page.
 */
async function phase(name: string, edge: 'start' | 'end'): Promise<void> {
  const hook = (window as { tableBenchPhase?: (name: string, edge: string) => Promise<void> })
    .tableBenchPhase;
  if (hook) await hook(name, edge);
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function part<T extends Element>(root: Element, selector: string, type: new () => T): T {
  const found = root.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`Bench table has no ${selector}`);
  return found;
}

/** Sets an input's value the way typing does, so React's onChange sees it. */
function typeInto(input: HTMLInputElement, value: string): void {
  // The prototype's setter, not the instance's (React tracks that one to skip no-op events).
  Reflect.set(HTMLInputElement.prototype, 'value', value, input);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function firstCellOf(root: Element, column: string): string {
  const header = [...root.querySelectorAll('[data-bench="header"]')];
  const at = header.findIndex((h) => h.getAttribute('data-col') === column);
  const row = root.querySelector('[data-bench="row"]');
  return row?.children[at]?.textContent ?? '';
}

export async function runBench(
  mount: MountTable,
  rows: readonly InventoryRow[],
  container: HTMLElement,
): Promise<BenchResults> {
  const table = mount(container);
  await afterPaint();
  await afterPaint();

  await phase('load', 'start');
  let start = performance.now();
  table.load(rows);
  const painted = await afterPaint();
  const firstPaint = painted - start;
  await phase('load', 'end');

  // At once, before background preparation: the sort prepares what it needs itself.
  await phase('cold', 'start');
  start = performance.now();
  part(container, `[data-col="${COLD_SORT_COLUMN}"]`, HTMLButtonElement).click();
  const coldSort = (await afterPaint()) - start;
  await phase('cold', 'end');
  await table.settled();
  const settledAfter = performance.now() - painted;
  await wait(PAUSE_MS);

  const header = () => part(container, `[data-col="${SORT_COLUMN}"]`, HTMLButtonElement);
  const sorts: number[] = [];
  const firstAfterSort: string[] = [];
  for (let i = 0; i < 2; i++) {
    await phase(`sort${i}`, 'start');
    start = performance.now();
    header().click();
    sorts.push((await afterPaint()) - start);
    await phase(`sort${i}`, 'end');
    firstAfterSort.push(firstCellOf(container, SORT_COLUMN));
    await table.settled();
    await wait(PAUSE_MS);
  }

  const input = part(container, '[data-bench="search"]', HTMLInputElement);
  const keystrokes: number[] = [];
  for (let i = 1; i <= QUERY.length; i++) {
    start = performance.now();
    typeInto(input, QUERY.slice(0, i));
    keystrokes.push((await afterPaint()) - start);
    await table.settled();
    await wait(PAUSE_MS);
  }
  const matches = Number(part(container, '[data-bench="count"]', HTMLElement).textContent);

  const scroller = part(container, '[data-bench="scroll"]', HTMLElement);
  scroller.scrollTop = 0;
  await afterPaint();
  await wait(PAUSE_MS);
  await phase('scroll', 'start');
  const scroll = await measureScroll(scroller);
  await phase('scroll', 'end');

  const domRows = container.querySelectorAll('[data-bench="row"]').length;
  const domRowLimit = Math.ceil(scroller.clientHeight / ROW_HEIGHT) + 1 + 2 * OVERSCAN;
  table.unmount();
  return {
    rows: rows.length,
    firstPaint,
    settledAfter,
    coldSort,
    sortAsc: sorts[0] ?? NaN,
    sortDesc: sorts[1] ?? NaN,
    firstAfterSort: [firstAfterSort[0] ?? '', firstAfterSort[1] ?? ''],
    query: QUERY,
    keystrokes,
    matches,
    scroll,
    domRows,
    domRowLimit,
  };
}

/**
 * Scrolls a step per frame. A frame's interval is the time since the previous frame started
 * (rAF timestamps: over 16.7 ms means a frame was dropped). Its work runs from the first
 * thing it does on the main thread (the scroll event, in which the virtualizer renders, or
 * else the rAF callback) until the task after its paint.
 */
async function measureScroll(scroller: HTMLElement): Promise<ScrollResults> {
  const intervals: number[] = [];
  const works: number[] = [];
  let workStart = -1;
  // Capturing at the document runs before the virtualizer's own listener on the element.
  const onScroll = () => {
    if (workStart < 0) workStart = performance.now();
  };
  document.addEventListener('scroll', onScroll, { capture: true, passive: true });
  // One channel for the whole run: a new one per frame costs the frame time it measures.
  const channel = new MessageChannel();
  await new Promise<void>((done) => {
    let previous = -1;
    let frame = 0;
    const step = (timestamp: number) => {
      if (workStart < 0) workStart = performance.now();
      if (previous >= 0) intervals.push(timestamp - previous);
      previous = timestamp;
      scroller.scrollTop += SCROLL_STEP_PX;
      channel.port2.postMessage(null);
    };
    channel.port1.onmessage = () => {
      works.push(performance.now() - workStart);
      workStart = -1;
      if (++frame < SCROLL_FRAMES) requestAnimationFrame(step);
      else done();
    };
    requestAnimationFrame(step);
  });
  channel.port1.close();
  document.removeEventListener('scroll', onScroll, { capture: true });
  const slowFrames = works.filter((t, i) => t > 20 || (intervals[i - 1] ?? 0) > 20).length;
  return {
    frames: works.length,
    intervalP95: percentile(intervals, 95),
    intervalMax: Math.max(...intervals),
    workP95: percentile(works, 95),
    workMax: Math.max(...works),
    slowFrames,
  };
}
