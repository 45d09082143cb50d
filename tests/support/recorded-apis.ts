// Replays the recorded arXiv and Hugging Face answers in tests/fixtures the way the real APIs
// would serve them: arXiv under /arxiv/api/query (listings page by start/max_results, id lists
// assembled from every recorded entry, the API's error entry for a malformed id) and Hugging Face
// under /huggingface/api/daily_papers. Listings ignore the date range: the recordings are fixed.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { fixturesDir, type FixtureReply, type FixtureRoute } from "./fixture-server";

export const RECORDED_ARXIV_PATH = "/arxiv/api/query";
export const RECORDED_HF_PATH = "/huggingface/api";

const ENTRY = /<entry>[\s\S]*?<\/entry>/g;
const ENTRY_ID = /<id>https?:\/\/arxiv\.org\/abs\/(.+?)v(\d+)<\/id>/;
const WELL_FORMED_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/;

function recordedEntries(files: string[]): { id: string; version: number; xml: string }[] {
  return files.flatMap((file) =>
    (readFileSync(path.join(fixturesDir, "arxiv", file), "utf8").match(ENTRY) ?? []).flatMap((xml) => {
      const match = ENTRY_ID.exec(xml);
      return match ? [{ id: match[1]!, version: Number(match[2]), xml }] : [];
    }),
  );
}

function feed(query: string, total: number, start: number, entries: string[]): string {
  const opensearch = 'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/"';
  const escaped = query.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">ArXiv Query: ${escaped}</title>
  <id>http://arxiv.org/api/recorded</id>
  <updated>2025-03-12T00:00:00-04:00</updated>
  <opensearch:totalResults ${opensearch}>${total}</opensearch:totalResults>
  <opensearch:startIndex ${opensearch}>${start}</opensearch:startIndex>
  <opensearch:itemsPerPage ${opensearch}>${entries.length}</opensearch:itemsPerPage>
  ${entries.join("\n  ")}
</feed>
`;
}

function errorFeed(query: string, message: string): FixtureReply {
  const anchor = message.replace(/\W+/g, "_");
  const entry = `<entry>
    <id>http://arxiv.org/api/errors#${anchor}</id>
    <title>Error</title>
    <summary>${message}</summary>
    <updated>2025-03-12T00:00:00-04:00</updated>
    <link href="http://arxiv.org/api/errors#${anchor}" rel="alternate" type="text/html"/>
    <author>
      <name>arXiv api core</name>
    </author>
  </entry>`;
  return { status: 400, body: feed(query, 1, 0, [entry]) };
}

export function recordedApis(): FixtureRoute {
  const arxivFiles = readdirSync(path.join(fixturesDir, "arxiv")).filter((file) => file.endsWith(".xml") && file !== "truncated.xml");
  const listing = recordedEntries(arxivFiles.filter((file) => file.startsWith("listing-")).sort()).map((entry) => entry.xml);
  const latest = new Map<string, { version: number; xml: string }>();
  for (const entry of recordedEntries(arxivFiles)) {
    if ((latest.get(entry.id)?.version ?? 0) < entry.version) latest.set(entry.id, entry);
  }

  return (url) => {
    if (url.pathname === RECORDED_ARXIV_PATH) {
      const query = url.search.slice(1);
      const start = Number(url.searchParams.get("start") ?? 0);
      const max = Number(url.searchParams.get("max_results") ?? 10);
      if (!Number.isInteger(start) || start < 0) return errorFeed(query, "start must be an integer");
      const idList = url.searchParams.get("id_list");
      if (idList) {
        const ids = idList.split(",");
        const malformed = ids.find((id) => !WELL_FORMED_ID.test(id));
        if (malformed) return errorFeed(query, `incorrect id format for ${malformed}`);
        const found = ids.flatMap((id) => latest.get(id.replace(/v\d+$/, ""))?.xml ?? []);
        return { body: feed(query, found.length, start, found.slice(start, start + max)) };
      }
      return { body: feed(query, listing.length, start, listing.slice(start, start + max)) };
    }
    if (url.pathname === `${RECORDED_HF_PATH}/daily_papers`) {
      const date = url.searchParams.get("date") ?? "";
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
        return { status: 400, type: "application/json", body: JSON.stringify({ error: '"date" must be a valid date' }) };
      const file = `daily-papers-${date}.json`;
      return readdirSync(path.join(fixturesDir, "huggingface")).includes(file)
        ? { file: path.join("huggingface", file) }
        : { type: "application/json", body: "[]" };
    }
    return undefined;
  };
}
