import { z } from "zod";

import { type ApiEndpoint, tagged } from "./api-endpoint";
import { forYouQuerySchema } from "@/lib/for-you/for-you-query";
import { saveRequestSchema, tagsRequestSchema } from "@/lib/library/library-input";
import { libraryQuerySchema, tagNameSchema } from "@/lib/library/library-query";
import { viewerQuerySchema } from "@/lib/readers/viewer-query";

const READER_AUTH =
  "Needs the reader: the session cookie of a signed-in browser, or a personal token from the account page as `Authorization: Bearer pp_…` (only its hash is kept). Without either, or with a token that is not valid, 401.";
const READER_WRITE_AUTH = `${READER_AUTH} With the cookie, the request must come from PaperPulse's own pages: a cross-site POST or DELETE gets 403.`;

const savedPaperParams = {
  arxivId: "The saved paper's arXiv id, new style (`2403.15706`) or old style with its slash (`math/0211159`).",
};

// The bibtex and import routes read `?tag=` on its own, not through an object schema: these
// describe the same query with the routes' own tag schema.
const bibtexQuerySchema = z.object({ tag: tagNameSchema.optional() });
const importQuerySchema = z.object({
  tag: z.string().optional().describe("Tags to put on every imported paper, comma-separated (at most 20, each 1 to 40 characters)."),
});

/** A signed-in reader's recommendations, library, account and sign-in. */
export const READER_ENDPOINTS: ApiEndpoint[] = [
  ...tagged("Recommendations", [
    {
      path: "/api/recommendations/me",
      methods: ["GET"],
      summary: "Papers for the signed-in reader",
      description:
        "`/api/recommendations` for the reader's own library: saved papers and “More like this” are liked, “Not for me” disliked. `period` defaults to `week`; while the current period has no papers yet, the latest one with papers is ranked instead, as For you shows it (`latestInstead: true`, `window` its days). " +
        `A reader who has liked nothing yet gets \`status: "cold_start"\`, no papers and a \`message\` saying what to do. ${READER_AUTH}`,
      query: forYouQuerySchema,
      responses: {
        200: '`{query: {period, limit}, status: "ready" | "cold_start", message, window, latestInstead, liked, disliked, unknown, papers: [PaperCard & {score, because, terms}]}`',
      },
      errors: [400, 401, 503],
    },
  ]),
  ...tagged("Library", [
    {
      path: "/api/library",
      methods: ["GET"],
      summary: "The reader's library",
      description: `A page of saved papers, filtered by \`q\` and \`tag\`, with every tag and its count. ${READER_AUTH}`,
      query: libraryQuerySchema,
      responses: { 200: "`{items: [{paper: PaperCard, savedAt, tags, rating}], nextCursor, total, tags: [{name, count}]}`" },
      errors: [400, 401, 503],
    },
    {
      path: "/api/library",
      methods: ["POST"],
      summary: "Save and tag papers",
      description: `Saves papers by arXiv id or link (1 to 1,000) and puts the tags on all of them; saving a saved paper changes nothing. ${READER_WRITE_AUTH}`,
      body: saveRequestSchema,
      responses: {
        200: "Nothing new was saved: `{saved, alreadySaved, unknown}`",
        201: "Something new was saved: `{saved, alreadySaved, unknown}`",
      },
      errors: [400, 401, 403, 429, 503],
    },
    {
      path: "/api/library/{arxivId}",
      methods: ["POST"],
      summary: "Replace a saved paper's tags",
      description: `404 when the paper is not in the library. ${READER_WRITE_AUTH}`,
      pathParams: savedPaperParams,
      body: tagsRequestSchema,
      responses: { 200: "`{arxivId, tags}`" },
      errors: [400, 401, 403, 404, 429, 503],
    },
    {
      path: "/api/library/{arxivId}",
      methods: ["DELETE"],
      summary: "Remove a paper from the library",
      description: `Removing a paper that is not there is not an error (\`removed: false\`). ${READER_WRITE_AUTH}`,
      pathParams: savedPaperParams,
      responses: { 200: "`{arxivId, removed}`" },
      errors: [400, 401, 403, 429, 503],
    },
    {
      path: "/api/library/bibtex",
      methods: ["GET"],
      summary: "The library as BibTeX",
      description: `The library, or one tag of it (\`?tag=\`), as a \`.bib\` download. ${READER_AUTH}`,
      query: bibtexQuerySchema,
      responses: { 200: "The `.bib` file (`application/x-bibtex`)." },
      errors: [400, 401, 503],
    },
    {
      path: "/api/library/import",
      methods: ["POST"],
      summary: "Import a BibTeX or RIS file, or pasted ids",
      description:
        "The body is a BibTeX or RIS file (up to 2 MB), or, with `Content-Type: text/plain`, arXiv ids and links. Papers PaperPulse does not have are fetched from arXiv, or saved once fetched later (`waiting`). " +
        `20 imports per hour. ${READER_WRITE_AUTH}`,
      query: importQuerySchema,
      responses: {
        200: "The import summary: `{found, duplicates, records, recordsWithoutId, added, fetched, alreadySaved, waiting: [{arxivId, reason}], notFound, overLimit, …}`",
      },
      errors: [400, 401, 403, 429, 503],
    },
  ]),
  ...tagged("Readers", [
    {
      path: "/api/viewer",
      methods: ["GET"],
      summary: "The visitor's own state on a page",
      description:
        "What a page served to everyone from the page cache leaves out for one browser: whether it is signed in, and for each listed paper whether this visitor saved, rated (`more`, `less` or null) and upvoted it, with its current upvote count. " +
        "Works signed in (the session cookie) and not (the voter cookie); without either every mark is false. Papers that do not exist are left out. Private, never cached.",
      query: viewerQuerySchema,
      responses: { 200: "`{signedIn, papers: {[arxivId]: {saved, rating, upvoted, upvotes}}}`" },
      errors: [400, 503],
    },
    {
      path: "/api/account/export",
      methods: ["GET"],
      summary: "Export the reader's data",
      description: `Everything PaperPulse keeps about the reader, as a JSON download. ${READER_AUTH}`,
      responses: {
        200: "`{exportedAt, account, sessions, apiTokens, library, ratings, upvotes, pendingImports, digestSubscription}`",
      },
      errors: [401, 503],
    },
    {
      path: "/api/auth/sign-in",
      methods: ["POST"],
      summary: "Complete a sign-in",
      description:
        "The target of the sign-in page's form: a form post (not JSON) of `token` (from the emailed link), `next` (a path on this site, default /library) and `pendingSaves` (ids saved in the browser before signing in, space-separated). " +
        "Same-origin only. Sets the session cookie and redirects to `next`; a refused link (invalid, used or expired) redirects back to /sign-in/confirm, which says why.",
      responses: { 303: "Redirect to `next` with the session cookie set, or to /sign-in/confirm when the link is refused." },
      errors: [403, 503],
    },
    {
      path: "/api/auth/sign-out",
      methods: ["POST"],
      summary: "Sign out",
      description:
        "A form post (not JSON) from the account pages: ends this browser's session, or with `everywhere=1` every session of the reader. Same-origin only.",
      responses: { 303: "Redirect to /sign-in with the session cookie cleared." },
      errors: [403, 503],
    },
  ]),
];
