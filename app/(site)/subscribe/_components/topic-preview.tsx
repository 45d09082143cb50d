"use client";

import { useEffect, useState } from "react";

import { shortenAuthors } from "@/lib/format";

export type PreviewTopics = { topics: string[]; categories: string[]; authors: string[]; maxPapers: number };

type PreviewPaper = { id: number; arxivId: string; title: string; authors: string[]; authorCount: number; matched: string[] };

type Preview = { status: "idle" | "loading" | "done" | "error"; papers: PreviewPaper[]; trending?: boolean; message?: string };

const DELAY_MS = 400;

function lines(value: FormDataEntryValue | string | null): string[] {
  return typeof value === "string"
    ? value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
    : [];
}

/** The topic fields of the form (or of the values it started with). */
export function topicsOfForm(source: FormData | { topics: string; categories: string; authors: string; maxPapers: string }): PreviewTopics {
  const get = (name: "topics" | "categories" | "authors" | "maxPapers") => (source instanceof FormData ? source.get(name) : source[name]);
  const categories = get("categories");
  const maxPapers = Number(get("maxPapers"));
  return {
    topics: lines(get("topics")),
    categories: typeof categories === "string" ? categories.split(/[\s,]+/).filter(Boolean) : [],
    authors: lines(get("authors")),
    maxPapers: Number.isInteger(maxPapers) && maxPapers >= 1 && maxPapers <= 50 ? maxPapers : 10,
  };
}

function previewUrl(topics: PreviewTopics): string {
  const params = new URLSearchParams();
  for (const topic of topics.topics) params.append("topics", topic);
  for (const category of topics.categories) params.append("categories", category);
  for (const author of topics.authors) params.append("authors", author);
  params.set("limit", String(topics.maxPapers));
  return `/api/subscriptions/preview?${params}`;
}

/** Live preview: which recent papers the topics typed so far would have picked. */
export function TopicPreview({ topics }: { topics: PreviewTopics }) {
  const url = previewUrl(topics);
  const empty = topics.topics.length + topics.categories.length + topics.authors.length === 0;
  const [preview, setPreview] = useState<Preview & { url?: string }>({ status: "idle", papers: [] });

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(url, { signal: controller.signal });
        const body = await response.json();
        if (!response.ok) {
          // The per-field messages read as sentences; the summary prefixes each with its field's path.
          const fieldMessages: string[] = Object.values<string[]>(body?.error?.fields ?? {}).flat();
          const message = fieldMessages.length ? fieldMessages.join(" ") : (body?.error?.message ?? "The preview is not available.");
          setPreview({ status: "error", papers: [], message, url });
          return;
        }
        setPreview({ status: "done", papers: body.papers, trending: body.trending, url });
      } catch {
        // Aborted by the next change, or offline: the form works without a preview.
      }
    }, DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [url]);

  const current = preview.url === url;
  return (
    <aside aria-labelledby="preview-heading" aria-live="polite" className="space-y-3">
      <h2 id="preview-heading" className="text-sm font-semibold tracking-wide text-stone-500 uppercase dark:text-stone-400">
        Preview
      </h2>
      {!current ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">Looking for {empty ? "trending" : "matching"} papers…</p>
      ) : preview.status === "error" ? (
        <p className="text-sm text-red-700 dark:text-red-400">{preview.message}</p>
      ) : preview.papers.length === 0 ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {preview.trending ? "There are no papers yet: digests start once papers arrive." : "No recent papers match these topics yet."}
        </p>
      ) : (
        <>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            {preview.trending
              ? "With no topics, each digest brings the top trending papers, like these today. Add a topic, category or author to narrow it."
              : "Recent papers these topics would have picked:"}
          </p>
          <ol className="space-y-2">
            {preview.papers.map((paper) => (
              <li
                key={paper.id}
                className="rounded-md border border-stone-200 bg-white p-3 text-sm dark:border-stone-800 dark:bg-stone-900"
              >
                <a href={`/papers/${paper.arxivId}`} className="font-serif leading-snug font-semibold hover:underline">
                  {paper.title}
                </a>
                <p className="mt-1 text-stone-600 dark:text-stone-400">{shortenAuthors(paper.authors, paper.authorCount)}</p>
                {paper.matched.length > 0 && (
                  <p className="mt-1 text-xs text-stone-500 dark:text-stone-400">Matches: {paper.matched.join(", ")}</p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
