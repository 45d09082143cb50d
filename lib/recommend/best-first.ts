/**
 * `items` best first by `before` (a strict total order: `before(a, b)` when a comes first), one at
 * a time, as a binary heap: taking the first few of many costs a pass over them all and a few
 * steps each, where sorting them all cost a comparison per item and level.
 */
export function* bestFirst<T>(items: T[], before: (a: T, b: T) => boolean): Generator<T> {
  const heap = items.slice();
  const siftDown = (from: number, size: number) => {
    for (let at = from; ;) {
      const left = 2 * at + 1;
      if (left >= size) return;
      const child = left + 1 < size && before(heap[left + 1]!, heap[left]!) ? left + 1 : left;
      if (!before(heap[child]!, heap[at]!)) return;
      [heap[at], heap[child]] = [heap[child]!, heap[at]!];
      at = child;
    }
  };
  for (let at = (heap.length >> 1) - 1; at >= 0; at--) siftDown(at, heap.length);
  for (let size = heap.length; size > 0; size--) {
    yield heap[0]!;
    heap[0] = heap[size - 1]!;
    siftDown(0, size - 1);
  }
}
