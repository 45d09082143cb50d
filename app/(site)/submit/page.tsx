import type { Metadata } from "next";

import { searchParamsToObject } from "@/lib/http/search-params";

import { SubmitForm } from "./_components/submit-form";

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = {
  title: "Submit a paper",
  description: "Add an arXiv paper to PaperPulse by its id or link.",
};

export default async function SubmitPage({ searchParams }: PageProps) {
  // Only offered in the field, never acted on: whatever it holds, the form checks it when sent.
  const offered = (searchParamsToObject(await searchParams).id ?? "").slice(0, 500);
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Submit a paper</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-300">
          Missing a paper? Paste its arXiv id or link and we fetch it from arXiv. New papers appear in the feed on the day they were first
          published.
        </p>
      </div>
      <SubmitForm initialInput={offered} />
    </div>
  );
}
