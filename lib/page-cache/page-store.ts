/**
 * A rendered page as every anonymous visitor gets it. `votes` are the upvote counts of the papers
 * it shows (a paper page's own, a list's papers) as it was rendered from them: a copy whose counts
 * moved is rendered again (listed-votes.ts).
 */
export type CachedPage = {
  body: string;
  status: number;
  contentType: string;
  policy: string;
  etag: string;
  /** The Cache-Control it is served with. */
  shared: string;
  votes: Record<string, number>;
  renderedAt: number;
  freshUntil: number;
  usableUntil: number;
};

/**
 * The pages of one process, least recently served first, within a budget (counted in characters,
 * which for HTML are nearly all one byte): a spike is on a few pages, and the long tail of papers
 * renders on demand as before.
 */
export class PageStore {
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page) {
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  set(key: string, page: CachedPage): void {
    this.delete(key);
    if (page.body.length > this.maxBytes) return;
    this.pages.set(key, page);
    this.bytes += page.body.length;
    for (const [oldest] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= page.body.length;
  }

  /** Out of date: the next request renders it again (sharing one render) before it is served. */
  markOutdated(key: string): void {
    const page = this.pages.get(key);
    if (page) page.freshUntil = page.usableUntil = 0;
  }

  entries(): IterableIterator<[string, CachedPage]> {
    return this.pages.entries();
  }
}
