/**
 * Results kept per owner (a check's model, a dictionary) by a text key: an agency cell, and the
 * fixes' readings of it, recur row after row of a table. Each owner's table is bounded: cleared when
 * it holds more than 20,000 results. Kept results are shared, so they are only read, never changed.
 */
const MAX_KEPT = 20_000;

export class KeptResults<Owner extends object, T> {
  private readonly tables = new WeakMap<Owner, Map<string, T>>();

  /** The result kept for `key`, else `compute()`'s, now kept. */
  get(owner: Owner, key: string, compute: () => T): T {
    let table = this.tables.get(owner);
    if (!table) {
      table = new Map();
      this.tables.set(owner, table);
    }
    let hit = table.get(key);
    if (hit === undefined) {
      hit = compute();
      if (table.size > MAX_KEPT) table.clear();
      table.set(key, hit);
    }
    return hit;
  }
}
