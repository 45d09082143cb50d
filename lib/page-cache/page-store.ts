import { BoundedStore } from "@/lib/bounded-store";

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

/** The page cache's copies, within a budget of bytes: a spike is on a few pages, and the long tail renders on demand. */
export class PageStore extends BoundedStore<CachedPage> {
  constructor(maxBytes: number) {
    super(maxBytes, (page) => page.body.byteLength);
  }

  /** Out of date: the next request renders it again (sharing one render) before it is served. */
  markOutdated(key: string): void {
    const page = this.kept.get(key)?.value;
    if (page) page.freshUntil = page.usableUntil = 0;
  }
}
