import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { searchParamsToObject } from "@/lib/http/search-params";
import { libraryQuerySchema } from "@/lib/library/library-query";
import { loadLibraryView } from "@/lib/library/library-view";
import { getCurrentReader } from "@/lib/readers/current-reader";
import { isPersonalShellRender } from "@/lib/readers/shell-render";

import { LibraryContent, LibraryParameterError } from "./_components/library-content";
import { LibraryLoader } from "./_components/library-loader";
import { MergeBrowserSaves } from "./_components/merge-browser-saves";

export const metadata: Metadata = { title: "Your library", robots: { index: false } };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LibraryPage({ searchParams }: PageProps) {
  // The page every signed-in reader gets in a browser that runs scripts, their list left to it (lib/readers/personal-shells.ts).
  if (await isPersonalShellRender()) {
    return (
      <div className="space-y-6">
        <MergeBrowserSaves />
        <LibraryLoader />
      </div>
    );
  }
  const reader = await getCurrentReader();
  if (!reader) redirect("/sign-in?next=/library");
  const params = searchParamsToObject(await searchParams);
  const parsed = libraryQuerySchema.safeParse(params);
  if (!parsed.success) return <LibraryParameterError issues={parsed.error.issues} />;
  return (
    <div className="space-y-6">
      <MergeBrowserSaves />
      <LibraryContent view={await loadLibraryView(reader.readerId, parsed.data)} state={parsed.data} notice={params.notice} />
    </div>
  );
}
