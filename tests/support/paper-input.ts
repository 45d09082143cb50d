import type { PaperInput } from "@/lib/ingest/paper-input";

/** A submitted paper of the tests' own, with plain defaults the test overrides where it matters. */
export function paperInput(arxivId: string, overrides: Partial<PaperInput>): PaperInput {
  return {
    arxivId,
    version: 1,
    title: "A paper",
    abstract: "An abstract.",
    authors: ["Ada Lovelace"],
    publishedOn: "2026-03-01",
    revisedOn: null,
    primaryCategory: "cs.LG",
    categories: ["cs.LG"],
    doi: null,
    comment: null,
    journalRef: null,
    githubRepo: null,
    githubStars: null,
    externalUpvotes: 0,
    source: "submitted",
    ...overrides,
  };
}
