import { describe, expect, it } from "vitest";

import { matchingAuthor } from "@/lib/search/matching-author";
import { searchQuerySchema } from "@/lib/search/search-query";

describe("the author a search matched", () => {
  const authors = ["Kenny Young", "Aditya Ramesh", "Louis Kirsch", "Jürgen Schmidhuber"];

  it("finds the name holding every word of an author: term, ignoring case and accents", () => {
    expect(matchingAuthor(authors, searchQuerySchema.parse({ q: "author:schmidhuber" }).filters.authors)).toBe("Jürgen Schmidhuber");
    expect(matchingAuthor(authors, searchQuerySchema.parse({ q: 'author:"jurgen schmidhuber"' }).filters.authors)).toBe(
      "Jürgen Schmidhuber",
    );
    expect(matchingAuthor(authors, searchQuerySchema.parse({ q: "author:kirsch author:young" }).filters.authors)).toBe("Louis Kirsch");
  });

  it("finds none when no single name holds the words", () => {
    expect(matchingAuthor(authors, searchQuerySchema.parse({ q: 'author:"louis young"' }).filters.authors)).toBeNull();
    expect(matchingAuthor(authors, [])).toBeNull();
  });
});
