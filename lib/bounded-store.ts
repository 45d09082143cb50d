/**
 * Values one process keeps, the least recently read first out past a budget of whatever `sizeOf`
 * counts (bytes, characters, entries). The page cache keeps its copies in one, readers' copies of
 * their own pages are in another, typeset texts and the similarity index's reads in others: what is
 * asked for again is a few of many.
 */
export class BoundedStore<Value, Key = string> {
  protected readonly values = new Map<Key, Value>();
  private size = 0;

  constructor(
    private readonly maxSize: number,
    private readonly sizeOf: (value: Value, key: Key) => number,
  ) {}

  get(key: Key): Value | undefined {
    const value = this.values.get(key);
    if (value !== undefined) {
      this.values.delete(key);
      this.values.set(key, value);
    }
    return value;
  }

  set(key: Key, value: Value): void {
    this.delete(key);
    const size = this.sizeOf(value, key);
    if (size > this.maxSize) return;
    this.values.set(key, value);
    this.size += size;
    for (const [oldest] of this.values) {
      if (this.size <= this.maxSize) break;
      this.delete(oldest);
    }
  }

  delete(key: Key): void {
    const value = this.values.get(key);
    if (value === undefined) return;
    this.values.delete(key);
    this.size -= this.sizeOf(value, key);
  }

  entries(): IterableIterator<[Key, Value]> {
    return this.values.entries();
  }
}
