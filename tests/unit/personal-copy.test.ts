import { describe, expect, it } from "vitest";

import { personalCopy, personalTemplate } from "@/lib/page-cache/personal-copy";
import type { ViewerPaper } from "@/lib/readers/viewer-state";

// A shared copy of a paper page as React renders it for nobody (cut to the parts that matter):
// tests/e2e/page-cache.spec.ts compares a whole copy made a reader's with the page rendered for them.
const ID = "2510.37978";
const TITLE = "Exhibit This Produce";
const action = (n: number, state: string) =>
  `<input type="hidden" name="$ACTION_REF_${n}"/><input type="hidden" name="$ACTION_${n}:0" value="{&quot;id&quot;:&quot;60aa&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/>` +
  `<input type="hidden" name="$ACTION_${n}:1" value="[${state}]"/><input type="hidden" name="$ACTION_KEY" value="k${n}"/>`;
const nav = (links: string) =>
  `<nav aria-label="Main" class="ml-auto flex items-center gap-4 text-sm text-stone-600 sm:ml-0 dark:text-stone-300">${links}</nav>`;
const SIGNED_OUT_NAV = nav(
  `<a class="hidden hover:text-stone-900 dark:hover:text-white min-[360px]:inline" href="/">Trending</a><a class="hover:text-stone-900 dark:hover:text-white" href="/submit">Submit</a><a class="hover:text-stone-900 dark:hover:text-white" href="/subscribe">Subscribe</a><a class="hover:text-stone-900 dark:hover:text-white" href="/sign-in">Sign in</a>`,
);
const form = (mark: string, body: string) =>
  `<form data-mark="${mark}" class="flex flex-wrap items-center gap-2" action="" encType="multipart/form-data" method="POST">${body}</form>`;
const UPVOTE = form(
  "upvote",
  `${action(3, "{&quot;upvoted&quot;:false,&quot;upvotes&quot;:638,&quot;error&quot;:null}")}<input type="hidden" name="arxivId" value="${ID}"/><input type="hidden" name="upvoted" value="true"/><button type="submit" aria-pressed="false" aria-label="Upvote (638 upvotes)" class="x"><span aria-hidden="true">▲</span><span class="tabular-nums">638</span><span>Upvote</span></button>`,
);
const SAVE = form(
  "save",
  `${action(4, "{&quot;saved&quot;:false,&quot;error&quot;:null}")}<input type="hidden" name="arxivId" value="${ID}"/><input type="hidden" name="saved" value="true"/><button type="submit" aria-pressed="false" aria-label="Save: ${TITLE}" class="button-small"><span aria-hidden="true">☆</span>Save</button>`,
);
const RATING = form(
  "rating",
  `${action(5, "{&quot;rating&quot;:null,&quot;error&quot;:null}")}<input type="hidden" name="arxivId" value="${ID}"/><button type="submit" value="more" aria-pressed="false" aria-label="More like this: ${TITLE}" class="button-small" name="rating"><span aria-hidden="true">+</span>More like this</button><button type="submit" value="less" aria-pressed="false" aria-label="Not for me: ${TITLE}" class="button-small" name="rating"><span aria-hidden="true">−</span>Not for me</button>`,
);
const COPY =
  `<!DOCTYPE html><html lang="en"><head><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>` +
  `<script src="/_next/static/chunks/a.js" async=""></script></head><body><header>${SIGNED_OUT_NAV}</header><main>${UPVOTE}${SAVE}${RATING}</main>` +
  `<script>self.__next_f.push([1,"{\\"mark\\":{\\"signedIn\\":false}}"])</script></body></html>`;

const paper = (mark: Partial<ViewerPaper>): Record<string, ViewerPaper> => ({
  [ID]: { saved: false, rating: null, upvoted: false, upvotes: 638, ...mark },
});

describe("a shared copy made one visitor's", () => {
  const template = personalTemplate(COPY);

  it("shows a signed-in reader's header, save, rating and upvote, and carries no script but the cookie file", () => {
    const html = personalCopy(template, { signedIn: true, papers: paper({ saved: true, rating: "more", upvoted: true }) });
    expect(html).toContain(`href="/account">Account</a>`);
    expect(html).not.toContain(`href="/sign-in"`);
    expect(html).toContain(
      `<input type="hidden" name="saved" value="false"/><button type="submit" aria-pressed="true" aria-label="Saved: ${TITLE}" class="button-small"><span aria-hidden="true">★</span>Saved</button>`,
    );
    expect(html).toContain(`name="$ACTION_4:1" value="[{&quot;saved&quot;:true,&quot;error&quot;:null}]"`);
    expect(html).toContain(`name="$ACTION_5:1" value="[{&quot;rating&quot;:&quot;more&quot;,&quot;error&quot;:null}]"`);
    expect(html).toContain(`<button type="submit" value="none" aria-pressed="true" aria-label="More like this: ${TITLE}"`);
    expect(html).toContain(`<button type="submit" value="less" aria-pressed="false" aria-label="Not for me: ${TITLE}"`);
    expect(html).toContain(`aria-pressed="true" aria-label="Remove your upvote (638 upvotes)"`);
    expect(html).toContain(`<span>Upvoted</span>`);
    expect(html).toContain(`name="$ACTION_3:1" value="[{&quot;upvoted&quot;:true,&quot;upvotes&quot;:638,&quot;error&quot;:null}]"`);
    // The React tree's keys stay as rendered: the form posted without scripts finds its state.
    expect(html).toContain(`name="$ACTION_KEY" value="k4"`);
    expect([...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag)).toEqual([`<script src="/scripts-cookie.js" async="">`]);
    expect(html).not.toContain(`as="script"`);
    expect(html).not.toContain("__next_f");
  });

  it("never carries one visitor's marks into another's copy, nor into a copy for nobody", () => {
    personalCopy(template, { signedIn: true, papers: paper({ saved: true, rating: "less", upvoted: true }) });
    const other = personalCopy(template, { signedIn: true, papers: paper({}) });
    expect(other).toContain(`href="/account"`);
    expect(other).not.toMatch(/Saved: |aria-pressed="true"|Remove your upvote|&quot;rating&quot;:&quot;/);
    const nobody = personalCopy(template, { signedIn: false, papers: {} });
    expect(nobody).toContain(SIGNED_OUT_NAV);
    expect(nobody).toContain(UPVOTE + SAVE + RATING);
  });

  it("shows a voter without an account their upvote and nothing that needs an account", () => {
    const html = personalCopy(template, { signedIn: false, papers: paper({ saved: true, rating: "more", upvoted: true }) });
    expect(html).toContain("Remove your upvote (638 upvotes)");
    expect(html).toContain(SAVE + RATING);
    expect(html).toContain(`href="/sign-in"`);
  });

  it("refuses a copy whose marked form is not as expected, so the page is rendered for the visitor instead", () => {
    const odd = personalTemplate(COPY.replace(`aria-label="Save: ${TITLE}"`, `aria-label="Keep: ${TITLE}"`));
    expect(() => personalCopy(odd, { signedIn: true, papers: paper({ saved: true }) })).toThrow(/Save: /);
    expect(() =>
      personalTemplate(COPY.replace(`<input type="hidden" name="arxivId" value="${ID}"/><input type="hidden" name="saved"`, "")),
    ).toThrow(/names no paper/);
  });
});
