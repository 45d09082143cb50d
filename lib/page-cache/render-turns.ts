/**
 * Work run at most `atOnce` at a time, the rest started in the order it came. The page cache's
 * renders share one event loop: a burst of misses rendered all at once finishes all late, and a
 * hit served meanwhile waits behind the steps of every one of them. In turn each is done in about
 * one render's time and becomes hits, and a hit waits for the steps of these few only.
 */
export class RenderTurns {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly atOnce: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.atOnce) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      // A finished piece of work hands its turn to the one that has waited longest.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
