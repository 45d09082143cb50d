/** Writes an item with the next statement, which starts on the next turn of the event loop if none is in flight. */
export type GroupedWrites<T, R> = (item: T) => Promise<R>;

/**
 * Turns a write of many items into a function of one item: calls made while a write is in flight
 * wait and go together in the next one. Alone, an item is written on the next turn of the event
 * loop (with whatever else arrived in this one); under load, one statement carries as many items
 * as arrived meanwhile. `write` returns one result per item.
 */
export function groupWrites<T, R>(write: (items: T[]) => Promise<R[]>): GroupedWrites<T, R> {
  let queue: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  let writing = false;

  async function drain() {
    while (queue.length > 0) {
      const group = queue;
      queue = [];
      try {
        const results = await write(group.map((entry) => entry.item));
        group.forEach((entry, index) => entry.resolve(results[index]!));
      } catch (error) {
        for (const entry of group) entry.reject(error);
      }
    }
    writing = false;
  }

  function start() {
    if (writing || queue.length === 0) return;
    writing = true;
    setImmediate(drain);
  }

  return (item: T) => {
    const written = new Promise<R>((resolve, reject) => void queue.push({ item, resolve, reject }));
    start();
    return written;
  };
}
