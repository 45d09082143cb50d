import type { Metadata } from "next";

import { forYouQuerySchema } from "@/lib/for-you/for-you-query";
import { loadForYouView } from "@/lib/for-you/for-you-view";
import { searchParamsToObject } from "@/lib/http/search-params";
import { getCurrentReader } from "@/lib/readers/current-reader";
import { isPersonalShellRender } from "@/lib/readers/shell-render";

import { ForYouContent, ForYouParameterError } from "./_components/for-you-content";
import { ForYouLoader } from "./_components/for-you-loader";
import { SignedOut } from "./_components/signed-out";

export const metadata: Metadata = { title: "For you", robots: { index: false } };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ForYouPage({ searchParams }: PageProps) {
  // The page every signed-in reader gets in a browser that runs scripts, their list left to it (lib/readers/personal-shells.ts).
  if (await isPersonalShellRender()) {
    return (
      <div className="space-y-6">
        <ForYouLoader />
      </div>
    );
  }
  const reader = await getCurrentReader();
  if (!reader) return <SignedOut />;
  const params = searchParamsToObject(await searchParams);
  const parsed = forYouQuerySchema.safeParse(params);
  if (!parsed.success) return <ForYouParameterError issues={parsed.error.issues} />;
  return (
    <div className="space-y-6">
      <ForYouContent view={await loadForYouView(reader.readerId, parsed.data)} period={parsed.data.period} notice={params.notice} />
    </div>
  );
}
