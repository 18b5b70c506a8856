/**
 * Which region reads each row a scan lists. A global type (S3 buckets, IAM roles) is listed
 * by every region, and the first region to list a row reads it; the others wait. When the
 * reading region fails, each row it had not read yet goes to a region that is waiting for
 * it, so a row is lost only when every region that listed it failed.
 */
export type Claim =
  /** This region reads it. */
  | { kind: 'mine' }
  /** Already read, or listed again by the same region: nothing to do. */
  | { kind: 'taken' }
  /**
   * Another region reads it. `handover` resolves true when that region failed and the row is
   * now this region's to read, false once it has been read.
   */
  | { kind: 'theirs'; handover: Promise<boolean> };

interface Entry {
  /** The region reading it; null after its reader failed and before another lists it. */
  reader: string | null;
  read: boolean;
  /** The first region that listed it: where a row nobody could read is reported. */
  firstLister: string;
  /** Regions that listed it and wait for the reader, in the order they listed it. */
  waiting: Map<string, (mine: boolean) => void>;
}

export class ClaimRegistry {
  readonly #entries = new Map<string, Entry>();

  claim(key: string, region: string): Claim {
    const entry = this.#entries.get(key);
    if (!entry) {
      this.#entries.set(key, {
        reader: region,
        read: false,
        firstLister: region,
        waiting: new Map(),
      });
      return { kind: 'mine' };
    }
    if (entry.read || entry.reader === region || entry.waiting.has(region))
      return { kind: 'taken' };
    if (entry.reader === null) {
      entry.reader = region;
      return { kind: 'mine' };
    }
    const handover = new Promise<boolean>((resolve) => {
      entry.waiting.set(region, resolve);
    });
    return { kind: 'theirs', handover };
  }

  /** The row was read (or found deleted since it was listed): nobody else needs to. */
  read(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry || entry.read) return;
    entry.read = true;
    for (const resolve of entry.waiting.values()) resolve(false);
    entry.waiting.clear();
  }

  /** The region failed: what it was reading goes to the next region waiting for it. */
  release(region: string): void {
    for (const entry of this.#entries.values()) {
      entry.waiting.delete(region);
      if (entry.read || entry.reader !== region) continue;
      entry.reader = null;
      const next = entry.waiting.entries().next();
      if (next.done) continue;
      const [successor, resolve] = next.value;
      entry.waiting.delete(successor);
      entry.reader = successor;
      resolve(true);
    }
  }

  /** Rows listed and read by no region, counted by the region that listed each first. */
  unread(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const entry of this.#entries.values()) {
      if (!entry.read) counts.set(entry.firstLister, (counts.get(entry.firstLister) ?? 0) + 1);
    }
    return counts;
  }
}
