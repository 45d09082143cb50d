/**
 * A rendered page as every anonymous visitor gets it. `version` is what the page was rendered from
 * when that can be checked cheaply (a paper's vote count); a copy whose version moved is stale.
 */
export type CachedPage = {
  body: string;
  status: number;
  contentType: string;
  policy: string;
  etag: string;
  /** The Cache-Control it is served with. */
  shared: string;
  version: string | null;
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

  /** Served stale from now on, while the next request renders it again. */
  markStale(key: string): void {
    const page = this.pages.get(key);
    if (page) page.freshUntil = 0;
  }

  entries(): IterableIterator<[string, CachedPage]> {
    return this.pages.entries();
  }
}
