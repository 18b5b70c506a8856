import type { InventoryRow } from '../../shared/contract';

/**
 * Which regions and accounts the held rows come from, kept as rows arrive and leave, so
 * "show the Region column" never needs a pass over 100,000 rows.
 */
export class RowTally {
  readonly #byKey = new Map<string, { region: string; account: string }>();
  readonly #regions = new Map<string, number>();
  readonly #accounts = new Map<string, number>();

  /** Regions with at least one row. */
  get regions(): number {
    return this.#regions.size;
  }

  /** Accounts with at least one row. */
  get accounts(): number {
    return this.#accounts.size;
  }

  add(rows: readonly InventoryRow[]): void {
    for (const row of rows) {
      // A re-read row replaces the old one (as in the index), which may have moved region.
      const old = this.#byKey.get(row.key);
      if (old) this.#forget(old);
      const entry = { region: row.region, account: row.account };
      this.#byKey.set(row.key, entry);
      bump(this.#regions, entry.region, 1);
      bump(this.#accounts, entry.account, 1);
    }
  }

  /** Drops the rows of these regions; answers how many went. */
  removeRegions(regions: ReadonlySet<string>): number {
    let removed = 0;
    for (const [key, entry] of this.#byKey) {
      if (!regions.has(entry.region)) continue;
      this.#byKey.delete(key);
      this.#forget(entry);
      removed++;
    }
    return removed;
  }

  clear(): void {
    this.#byKey.clear();
    this.#regions.clear();
    this.#accounts.clear();
  }

  #forget(entry: { region: string; account: string }): void {
    bump(this.#regions, entry.region, -1);
    bump(this.#accounts, entry.account, -1);
  }
}

function bump(counts: Map<string, number>, name: string, by: number): void {
  const next = (counts.get(name) ?? 0) + by;
  if (next > 0) counts.set(name, next);
  else counts.delete(name);
}
