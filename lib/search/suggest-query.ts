import { z } from "zod";

import { cleanQueryText } from "./parse-search-text";

export const MAX_SUGGEST_QUERY_LENGTH = 100;

/** `GET /api/search/suggest`'s query string: what has been typed so far. */
export const suggestQuerySchema = z.object({
  q: z
    .string({ error: "q must be text" })
    .max(MAX_SUGGEST_QUERY_LENGTH, `q must be at most ${MAX_SUGGEST_QUERY_LENGTH} characters`)
    .default("")
    .transform(cleanQueryText),
});
