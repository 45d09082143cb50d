/**
 * What views read of the similarity index, kept for the index version it was read at (a paper's
 * vector and a term's label change only with the index, which counts every change), so that
 * readers who ask for the same read it once per process and version, not once each. Past
 * `maxEntries` the least recently read go first.
 */
export function keptForVersion<Value>(maxEntries: number) {
  let version: bigint | null = null;
  const values = new Map<number, Value>();
  return {
    /**
     * The values kept for a view that read the index at `indexVersion`, and the keys it must read.
     * A later version than any seen so far drops everything kept.
     */
    get(keys: number[], indexVersion: bigint): { found: Map<number, Value>; missing: number[] } {
      if (version === null || version < indexVersion) {
        version = indexVersion;
        values.clear();
      }
      const keeping = version === indexVersion;
      const found = new Map<number, Value>();
      const missing: number[] = [];
      for (const key of keys) {
        const value = keeping ? values.get(key) : undefined;
        if (value === undefined) missing.push(key);
        else {
          found.set(key, value);
          // Read again: the most recent goes last, so the least recent is first out.
          values.delete(key);
          values.set(key, value);
        }
      }
      return { found, missing };
    },
    /**
     * Keeps what a view of `indexVersion` read, when the read saw that same version (`readVersion`:
     * a replica behind, or an index changed meanwhile, saw another; null: the read found nothing)
     * and no view has asked for a later one since.
     */
    keep(read: Map<number, Value>, indexVersion: bigint, readVersion: bigint | null): void {
      if (version !== indexVersion || readVersion !== indexVersion) return;
      for (const [key, value] of read) values.set(key, value);
      for (const key of values.keys()) {
        if (values.size <= maxEntries) break;
        values.delete(key);
      }
    },
  };
}
