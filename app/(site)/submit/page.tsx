import type { Metadata } from "next";

import { SubmitForm } from "./_components/submit-form";

export const metadata: Metadata = {
  title: "Submit a paper",
  description: "Add an arXiv paper to PaperPulse by its id or link.",
};

export default function SubmitPage() {
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Submit a paper</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-300">
          Missing a paper? Paste its arXiv id or link and we fetch it from arXiv. New papers appear in the feed on the day
          they were first published.
        </p>
      </div>
      <SubmitForm />
    </div>
  );
}
