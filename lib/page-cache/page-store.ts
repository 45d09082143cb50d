import type { PersonalTemplate } from "./personal-copy";

/**
 * A rendered page as every anonymous visitor gets it. `votes` are the upvote counts of the papers
 * it shows (a paper page's own, a list's papers) as it was rendered from them: a copy whose counts
 * moved is rendered again (listed-votes.ts).
 */
export type CachedPage = {
  /**
   * The page's bytes, encoded once: a hit serves them as they are, where a string would be checked
   * and encoded to UTF-8 again for every visitor (about a millisecond for a feed's 140 KB).
   */
  body: Uint8Array<ArrayBuffer>;
  status: number;
  contentType: string;
  policy: string;
  etag: string;
  /** The Cache-Control it is served with. */
  shared: string;
  votes: Record<string, number>;
  /** The copy cut for personal copies (personal-copy.ts), made at the first one. */
  personal?: PersonalTemplate;
  renderedAt: number;
  freshUntil: number;
  usableUntil: number;
};

/**
 * Rendered pages of one process, least recently served first, within a budget of bytes: a spike is
 * on a few pages, and the long tail renders on demand as before. The page cache keeps its copies in
 * one, signed-in readers' copies of their own pages (lib/readers/reader-page-copies.ts) in another.
 */
export class BoundedPageStore<Page extends { body: Uint8Array }> {
  protected readonly pages = new Map<string, Page>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): Page | undefined {
    const page = this.pages.get(key);
    if (page) {
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  set(key: string, page: Page): void {
    this.delete(key);
    if (page.body.byteLength > this.maxBytes) return;
    this.pages.set(key, page);
    this.bytes += page.body.byteLength;
    for (const [oldest] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= page.body.byteLength;
  }

  entries(): IterableIterator<[string, Page]> {
    return this.pages.entries();
  }
}

/** The page cache's copies. */
export class PageStore extends BoundedPageStore<CachedPage> {
  /** Out of date: the next request renders it again (sharing one render) before it is served. */
  markOutdated(key: string): void {
    const page = this.pages.get(key);
    if (page) page.freshUntil = page.usableUntil = 0;
  }
}
