/**
 * Values one process keeps past a budget of whatever `sizeOf` counts (bytes, characters,
 * entries), the least recently used out first, by second chance: a value read since it last
 * came up for eviction goes to the back of the line instead. A read only marks the value, where
 * moving it to the back cost two more operations on the map; views read hundreds a request. The
 * page cache keeps its copies in one, readers' copies of their own pages are in another, typeset
 * texts and the similarity index's reads in others: what is asked for again is a few of many.
 */
export class BoundedStore<Value, Key = string> {
  protected readonly kept = new Map<Key, { value: Value; size: number; read: boolean }>();
  private size = 0;

  constructor(
    private readonly maxSize: number,
    private readonly sizeOf: (value: Value, key: Key) => number,
  ) {}

  get(key: Key): Value | undefined {
    const entry = this.kept.get(key);
    if (entry === undefined) return undefined;
    entry.read = true;
    return entry.value;
  }

  set(key: Key, value: Value): void {
    this.delete(key);
    const size = this.sizeOf(value, key);
    if (size > this.maxSize) return;
    this.kept.set(key, { value, size, read: false });
    this.size += size;
    // A map iterates in insertion order and reaches what is put back during the loop, by then unread.
    for (const [oldest, entry] of this.kept) {
      if (this.size <= this.maxSize) break;
      this.kept.delete(oldest);
      if (entry.read) {
        entry.read = false;
        this.kept.set(oldest, entry);
      } else this.size -= entry.size;
    }
  }

  delete(key: Key): void {
    const entry = this.kept.get(key);
    if (entry === undefined) return;
    this.kept.delete(key);
    this.size -= entry.size;
  }

  /** What is kept, the longest kept first; going through it is not reading. */
  *entries(): IterableIterator<[Key, Value]> {
    for (const [key, { value }] of this.kept) yield [key, value];
  }
}
