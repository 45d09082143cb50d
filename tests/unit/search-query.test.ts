import { describe, expect, it } from "vitest";

import { encodeCursor } from "@/lib/papers/feed-cursor";
import { apiSearchQuerySchema, searchQuerySchema } from "@/lib/search/search-query";

function messages(schema: typeof searchQuerySchema | typeof apiSearchQuerySchema, input: Record<string, string>) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe("search query string", () => {
  it("ranks words by relevance, twenty a page", () => {
    expect(searchQuerySchema.parse({ q: "transformers" })).toMatchObject({
      q: "transformers",
      sort: "relevance",
      limit: 20,
      empty: false,
      filters: { text: "transformers", authors: [], categories: [] },
    });
  });

  it("lists filter-only searches newest first, even when asked for relevance", () => {
    expect(searchQuerySchema.parse({ q: "author:kirsch" }).sort).toBe("newest");
    expect(searchQuerySchema.parse({ q: "author:kirsch", sort: "relevance" }).sort).toBe("newest");
    expect(searchQuerySchema.parse({ q: "author:kirsch", sort: "upvotes" }).sort).toBe("upvotes");
  });

  it("adds the category parameter to category: terms and reads blank form fields as unset", () => {
    const query = searchQuerySchema.parse({ q: "reasoning category:cs.CL", category: "stat.ml", from: "", to: "" });
    expect(query.filters).toMatchObject({ categories: ["cs.CL", "stat.ML"], from: undefined, to: undefined });
  });

  it("keeps a date range", () => {
    expect(searchQuerySchema.parse({ q: "x", from: "2024-01-01", to: "2024-12-31" }).filters).toMatchObject({
      from: "2024-01-01",
      to: "2024-12-31",
    });
  });

  it("round-trips a cursor", () => {
    const cursor = { key: 0.123456789012345, id: 7 };
    expect(searchQuerySchema.parse({ q: "x", cursor: encodeCursor(cursor) }).cursor).toEqual(cursor);
  });

  it("marks an empty search, which the page answers with examples", () => {
    expect(searchQuerySchema.parse({}).empty).toBe(true);
    expect(searchQuerySchema.parse({ q: " \t " }).empty).toBe(true);
  });

  it.each([
    [{ q: "x".repeat(501) }, "q must be at most 500 characters"],
    [{ q: "x", sort: "best" }, "sort must be one of relevance, newest, upvotes"],
    [{ q: "x", category: "not a category" }, "category must be an arXiv category such as cs.LG"],
    [{ q: "x", from: "2024-02-30" }, "from must be a day as YYYY-MM-DD"],
    [{ q: "x", from: "1900-01-01" }, "from must be after 1991-08-14"],
    [{ q: "x", from: "2024-06-01", to: "2024-01-01" }, "to must be on or after from"],
    [{ q: "x", limit: "51" }, "limit must be at most 50"],
    [{ q: "x", limit: "0" }, "limit must be at least 1"],
    [{ q: "x", cursor: "'; DROP TABLE paper; --" }, "cursor is not one this API returned"],
    [{ q: "category:drop;table" }, 'q: "drop;table" is not an arXiv category; write e.g. category:cs.LG'],
  ])("rejects %j with a message saying what is wrong", (input, message) => {
    expect(messages(searchQuerySchema, input)).toContain(message);
  });

  it("the API refuses an empty or blank q", () => {
    const message = 'q must not be empty: type a word, a "phrase", author:name or category:cs.LG';
    expect(messages(apiSearchQuerySchema, {})).toContain(message);
    expect(messages(apiSearchQuerySchema, { q: "   " })).toContain(message);
    expect(apiSearchQuerySchema.safeParse({ q: "-" }).success).toBe(true);
  });
});
