/**
 * Work run at most `atOnce` at a time. The page cache's renders share one event loop: a burst of
 * misses rendered all at once finishes all late, and a hit served meanwhile waits behind the steps
 * of every one of them. In turn each is done in about one render's time and becomes hits, and a
 * hit waits for the steps of these few only.
 *
 * A free turn goes to the work that came last, unless the longest waiting has waited `patienceMs`:
 * then to it. Taken in the order they came, a burst's misses (a cold start, 50 visitors on 50
 * unseen pages) each wait for all the renders before it, and every visitor waits about as long as
 * the whole burst takes; newest first, most are rendered at once and a few wait up to the patience
 * and a render more (adaptive LIFO, as in "Fail at Scale", ACM Queue 2015). A patience of 0 takes
 * them in the order they came.
 */
export class RenderTurns {
  private running = 0;
  private readonly waiting: { since: number; start: () => void }[] = [];

  constructor(
    private readonly atOnce: number,
    private readonly patienceMs: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.atOnce) this.running++;
    else await new Promise<void>((start) => this.waiting.push({ since: Date.now(), start }));
    try {
      return await work();
    } finally {
      // A finished piece of work hands its turn on.
      const next = this.next();
      if (next) next.start();
      else this.running--;
    }
  }

  private next() {
    const longest = this.waiting[0];
    if (longest && Date.now() - longest.since >= this.patienceMs) return this.waiting.shift();
    return this.waiting.pop();
  }
}
