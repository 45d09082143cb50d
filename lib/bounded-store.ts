/**
 * Values one process keeps, the least recently read first out past a budget of whatever `sizeOf`
 * counts (bytes, characters). The page cache keeps its copies in one, readers' copies of their own
 * pages are in another, typeset texts in a third: what is asked for again is a few of many.
 */
export class BoundedStore<Value> {
  protected readonly values = new Map<string, Value>();
  private size = 0;

  constructor(
    private readonly maxSize: number,
    private readonly sizeOf: (value: Value, key: string) => number,
  ) {}

  get(key: string): Value | undefined {
    const value = this.values.get(key);
    if (value !== undefined) {
      this.values.delete(key);
      this.values.set(key, value);
    }
    return value;
  }

  set(key: string, value: Value): void {
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

  delete(key: string): void {
    const value = this.values.get(key);
    if (value === undefined) return;
    this.values.delete(key);
    this.size -= this.sizeOf(value, key);
  }

  entries(): IterableIterator<[string, Value]> {
    return this.values.entries();
  }
}
