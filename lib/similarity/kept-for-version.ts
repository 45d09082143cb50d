import { BoundedStore } from "@/lib/bounded-store";

/** What a read of the similarity index found for the keys asked, and the index version it saw (null: it found nothing). */
export type VersionedRead<Value> = { values: Map<number, Value>; version: bigint | null };

/**
 * What views read of the similarity index, kept for the index version it was read at (a paper's
 * vector and a term's label change only with the index, which counts every change), so that
 * readers who ask for the same read it once per process and version, not once each. Past
 * `maxEntries` the least recently read go first.
 */
export function keptForVersion<Value>(maxEntries: number) {
  let version: bigint | null = null;
  const store = () => new BoundedStore<Value, number>(maxEntries, () => 1);
  let values = store();
  return {
    /**
     * The values of `keys` for a view that read the index at `indexVersion`: those kept for that
     * version, and the others from `readMissing`, kept when the read saw that same version (a
     * replica behind, or an index changed meanwhile, sees another) and no view has asked for a
     * later one since. A later version than any seen so far drops everything kept.
     */
    async read(
      keys: number[],
      indexVersion: bigint,
      readMissing: (missing: number[]) => Promise<VersionedRead<Value>>,
    ): Promise<Map<number, Value>> {
      if (version === null || version < indexVersion) {
        version = indexVersion;
        values = store();
      }
      const keeping = version === indexVersion;
      const found = new Map<number, Value>();
      const missing: number[] = [];
      for (const key of keys) {
        const value = keeping ? values.get(key) : undefined;
        if (value === undefined) missing.push(key);
        else found.set(key, value);
      }
      if (missing.length === 0) return found;
      const read = await readMissing(missing);
      const keep = version === indexVersion && read.version === indexVersion;
      for (const [key, value] of read.values) {
        found.set(key, value);
        if (keep) values.set(key, value);
      }
      return found;
    },
  };
}
