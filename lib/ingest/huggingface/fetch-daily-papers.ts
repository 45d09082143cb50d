import "server-only";

import { z } from "zod";

import { fetchWithRetry } from "../fetch-with-retry";
import type { IngestBatch } from "../ingest-batch";
import { IngestError } from "../ingest-error";
import { dailyPaperToPaper } from "./daily-paper-to-paper";
import { dailyPaperSchema } from "./daily-papers-schema";
import type { HfOptions } from "./hf-options";

const LABEL = "Hugging Face API";

/**
 * The papers featured on Hugging Face's daily papers for one day (YYYY-MM-DD). The answer must be a
 * JSON array; an item that does not match the documented shape is reported and skipped, the others
 * are kept.
 */
export async function* fetchDailyPapers(date: string, options: HfOptions): AsyncGenerator<IngestBatch> {
  const url = new URL(`${options.baseUrl.replace(/\/$/, "")}/daily_papers`);
  url.searchParams.set("date", date);
  const items = await fetchWithRetry(
    url.toString(),
    { label: LABEL, timeoutMs: options.timeoutMs, retries: options.retries, retryBaseMs: options.retryBaseMs, accept: "application/json" },
    async (response) => {
      const text = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        const what = /^\s*</.test(text) ? "an HTML page" : "malformed JSON";
        throw new IngestError(`${LABEL} returned ${what} instead of a JSON list of papers (${url})`, { retryable: true });
      }
      if (!Array.isArray(body))
        throw new IngestError(
          `${LABEL} returned ${typeof body === "object" && body ? "an object" : typeof body} instead of a JSON list of papers (${url})`,
        );
      return body as unknown[];
    },
  );

  const batch: IngestBatch = { papers: [], failures: [], total: items.length };
  items.forEach((raw, index) => {
    const item = dailyPaperSchema.safeParse(raw);
    if (!item.success) {
      const id = typeof (raw as { paper?: { id?: unknown } })?.paper?.id === "string" ? (raw as { paper: { id: string } }).paper.id : null;
      batch.failures.push({
        id,
        reason: `Hugging Face item ${index + 1} does not match the daily papers format: ${z.prettifyError(item.error).replace(/\n/g, " ")}`,
      });
      return;
    }
    const result = dailyPaperToPaper(item.data);
    if (result.ok) batch.papers.push(result.paper);
    else batch.failures.push({ id: result.id, reason: result.reason });
  });
  yield batch;
}
