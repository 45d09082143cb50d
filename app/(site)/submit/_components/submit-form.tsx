"use client";

import { useActionState } from "react";

import { CategoryList } from "@/components/category-list";
import { Link } from "@/components/link";
import { SubmitButton } from "@/components/submit-button";
import { formatDay, shortenAuthors } from "@/lib/format";

import { submitPaperAction } from "../actions";
import type { SubmitFormState } from "./submit-form-state";

const STATUS_TEXT = {
  added: "Added to PaperPulse",
  updated: "Updated from arXiv",
  known: "Already in PaperPulse",
} as const;

/** `initialInput`: an id to offer, from the "Add it to PaperPulse" link of a paper we do not have. */
export function SubmitForm({ initialInput }: { initialInput: string }) {
  const [state, formAction] = useActionState<SubmitFormState, FormData>(submitPaperAction, {
    status: "idle",
    input: initialInput,
    fieldError: null,
    formError: null,
    paper: null,
  });
  const paper = state.paper;

  return (
    <div className="space-y-6">
      <form
        action={formAction}
        noValidate
        className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-6 dark:border-stone-800 dark:bg-stone-900"
      >
        {state.formError && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200">
            {state.formError}
          </p>
        )}
        <div>
          <label htmlFor="submit-paper" className="block text-sm font-medium">
            arXiv id or link
          </label>
          <input
            id="submit-paper"
            name="paper"
            type="text"
            required
            maxLength={500}
            autoComplete="off"
            spellCheck={false}
            placeholder="2502.03387"
            // A new key after each answer resets the field to what the server sent back.
            key={`${state.status}:${state.input}`}
            defaultValue={state.input}
            aria-invalid={Boolean(state.fieldError) || undefined}
            aria-describedby={state.fieldError ? "submit-paper-error submit-paper-hint" : "submit-paper-hint"}
            className="mt-1 w-full rounded-md border border-stone-300 bg-white px-3 py-2 font-mono dark:border-stone-700 dark:bg-stone-950"
          />
          <p id="submit-paper-hint" className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            For example <code>2502.03387</code>, <code>hep-th/9901001</code>, or a link to arxiv.org, a PDF, or huggingface.co/papers.
          </p>
          {state.fieldError && (
            <p id="submit-paper-error" role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
              {state.fieldError}
            </p>
          )}
        </div>
        <SubmitButton pendingLabel="Fetching from arXiv…">Add paper</SubmitButton>
      </form>

      {paper && (
        <section
          role="status"
          aria-labelledby="submitted-heading"
          className="space-y-2 rounded-lg border border-emerald-300 bg-emerald-50 p-6 dark:border-emerald-800 dark:bg-emerald-950/40"
        >
          <h2 id="submitted-heading" className="text-sm font-semibold tracking-wide text-emerald-800 uppercase dark:text-emerald-300">
            {STATUS_TEXT[paper.status]}
          </h2>
          <p className="font-serif text-xl leading-snug font-semibold">
            <Link href={`/papers/${paper.arxivId}`} className="hover:underline">
              {paper.title}
            </Link>
          </p>
          <p className="text-sm text-stone-700 dark:text-stone-300">{shortenAuthors(paper.authors)}</p>
          <div className="flex flex-wrap items-center gap-3 text-xs text-stone-600 dark:text-stone-400">
            <span className="font-mono">arXiv:{paper.arxivId}</span>
            {paper.publishedOn && <time dateTime={paper.publishedOn}>{formatDay(paper.publishedOn)}</time>}
            <CategoryList primary={paper.primaryCategory} categories={[]} />
          </div>
          <p>
            <Link href={`/papers/${paper.arxivId}`} className="text-sm font-medium text-accent-700 underline dark:text-accent-300">
              Open the paper page
            </Link>
          </p>
        </section>
      )}
    </div>
  );
}
