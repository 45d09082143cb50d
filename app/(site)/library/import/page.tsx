import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { Link } from "@/components/link";
import { getCurrentReader } from "@/lib/readers/current-reader";

import { ImportForm } from "./_components/import-form";

export const metadata: Metadata = { title: "Import into your library", robots: { index: false } };

export default async function ImportPage() {
  if (!(await getCurrentReader())) redirect("/sign-in?next=/library/import");
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <Link href="/library" className="text-sm text-accent-700 underline dark:text-accent-300">
          ← Your library
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Import papers</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-300">
          Every arXiv paper we find is saved to your library: eprint fields, arXiv links and arXiv DOIs (10.48550/arXiv.…). Papers
          PaperPulse does not have yet are fetched from arXiv.
        </p>
      </div>
      <ImportForm />
    </div>
  );
}
