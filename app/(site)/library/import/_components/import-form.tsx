"use client";

import { useActionState, useState } from "react";

import { fieldClass } from "@/components/preference-fields";
import { SubmitButton } from "@/components/submit-button";
import { MAX_IMPORT_BYTES } from "@/lib/library/decode-import-file";

import { importAction } from "../actions";
import type { ImportFormState } from "./import-form-state";
import { ImportSummaryPanel } from "./import-summary";

export function ImportForm() {
  const [state, formAction] = useActionState<ImportFormState, FormData>(importAction, {
    status: "idle",
    message: null,
    summary: null,
    tag: "",
  });
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const problem = fileProblem ?? (state.status === "error" ? state.message : null);
  return (
    <div className="space-y-6">
      {state.summary && <ImportSummaryPanel summary={state.summary} />}
      <form
        action={formAction}
        className="space-y-5 rounded-lg border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900"
      >
        {problem && (
          <p
            id="import-error"
            role="alert"
            className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200"
          >
            {problem}
          </p>
        )}
        <div>
          <label htmlFor="import-paste" className="block text-sm font-medium">
            arXiv ids or links
          </label>
          <textarea
            id="import-paste"
            name="paste"
            rows={5}
            placeholder={"2502.03387\nhttps://arxiv.org/abs/2411.15124"}
            aria-describedby={problem ? "import-error" : undefined}
            className={`${fieldClass} mt-1 font-mono text-sm`}
          />
        </div>
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium">
            Or a BibTeX (.bib) or RIS (.ris) file
          </label>
          <p id="import-file-hint" className="text-sm text-stone-600 dark:text-stone-400">
            From Zotero, Mendeley or any reference manager; up to 2 MB. A file is used instead of the box above.
          </p>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".bib,.bibtex,.ris,.txt,text/plain,application/x-bibtex,application/x-research-info-systems"
            aria-describedby="import-file-hint"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              setFileProblem(
                file && file.size > MAX_IMPORT_BYTES
                  ? `This file is ${(file.size / 1024 / 1024).toFixed(1)} MB; files up to 2 MB can be imported.`
                  : null,
              );
            }}
            className="mt-2 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium dark:file:border-stone-700 dark:file:bg-stone-900 dark:file:text-stone-100"
          />
        </div>
        <div>
          <label htmlFor="import-tag" className="block text-sm font-medium">
            Tag every imported paper (optional)
          </label>
          <input
            id="import-tag"
            name="tag"
            defaultValue={state.tag}
            maxLength={200}
            placeholder="e.g. from zotero"
            className={`${fieldClass} mt-1`}
          />
        </div>
        <SubmitButton pendingLabel="Importing…">Import</SubmitButton>
      </form>
    </div>
  );
}
