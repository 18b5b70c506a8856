import type { InventoryRow } from '../../shared/contract';
import { mountOurs } from './ours';
import { runBench, type BenchResults } from './harness';
import { mountStock } from './stock';
import { syntheticRows } from './synthetic-rows';

/**
 * The table benchmark page (not part of the app build). e2e/bench/table.perf.ts opens it
 * once per implementation and calls `window.tableBench.run`.
 */
declare global {
  interface Window {
    tableBench?: { run: (impl: 'ours' | 'stock', rows: number) => Promise<BenchResults> };
  }
}

window.tableBench = {
  async run(impl, count) {
    const container = document.getElementById('bench');
    if (!container) throw new Error('table-bench.html has no #bench element.');
    // Rows reach the renderer as parsed JSON (HTTP in browser mode, structured clone over
    // IPC): flat strings, not the concatenations the generator builds.
    const rows = JSON.parse(JSON.stringify(syntheticRows(count))) as InventoryRow[];
    // Let generating the rows' garbage be collected before anything is measured.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return runBench(impl === 'ours' ? mountOurs : mountStock, rows, container);
  },
};
document.body.dataset.ready = 'true';
