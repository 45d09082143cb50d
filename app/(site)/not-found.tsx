"use client";

import { usePathname } from "next/navigation";

import { NotFoundMessage } from "@/components/not-found-message";
import { arxivIdFromSegments } from "@/lib/papers/arxiv-id-param";

/** The arXiv id of a `/papers/…` path, when it is one: a paper we do not have yet. */
function missingPaperId(pathname: string): string | null {
  const [section, ...segments] = pathname.split("/").filter(Boolean);
  return section === "papers" ? (arxivIdFromSegments(segments)?.id ?? null) : null;
}

/** not-found pages receive no params, so the id is read from the path they answer. */
export default function NotFound() {
  return <NotFoundMessage missingArxivId={missingPaperId(usePathname())} />;
}
