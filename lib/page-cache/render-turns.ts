/**
 * Work run at most `atOnce` at a time. Copies' renders share one event loop: a burst rendered all
 * at once finishes all late, and every hit meanwhile waits behind all their steps. A free turn goes
 * to the work that came last, unless the longest waiting has waited `patienceMs` (adaptive LIFO,
 * "Fail at Scale", ACM Queue 2015): most of a burst waits about one render, a few up to the
 * patience; a patience of 0 takes them in the order they came. docs/deployment.md has the numbers.
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
