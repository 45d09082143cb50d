/** Everything the paper page and `GET /api/papers/{id}` show. */
export type PaperDetails = {
  id: number;
  arxivId: string;
  version: number | null;
  title: string;
  abstract: string;
  authors: string[];
  publishedOn: string | null;
  revisedOn: string | null;
  listedOn: string;
  primaryCategory: string | null;
  categories: string[];
  doi: string | null;
  comment: string | null;
  journalRef: string | null;
  githubRepo: string | null;
  githubStars: number | null;
  upvotes: number;
  source: string;
  addedAt: string;
  links: { abs: string; pdf: string };
};
