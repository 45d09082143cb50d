import type { Metadata } from "next";

import { Link } from "@/components/link";
import { Notice } from "@/components/notice";
import { searchParamsToObject } from "@/lib/http/search-params";
import { loadTastePapers } from "@/lib/for-you/taste-papers";
import { getCurrentReader } from "@/lib/readers/current-reader";

import { SignedOut } from "../_components/signed-out";
import { TasteList } from "../_components/taste-list";

export const metadata: Metadata = { title: "What For you learns from", robots: { index: false } };

const NOTICES: Record<string, { tone: "success" | "warning"; title: string }> = {
  like: { tone: "success", title: "Moved to “More like this”." },
  dislike: { tone: "success", title: "Moved to “Not for me”." },
  forget: { tone: "success", title: "Forgotten: it no longer counts, and it is out of your library." },
  unreadable: { tone: "warning", title: "Nothing changed: that could not be read; reload the page and try again." },
  "slow-down": { tone: "warning", title: "Too many changes at once; wait a minute and try again." },
};

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The reader's positives and negatives, each flippable or removable with a plain form. */
export default async function TastePage({ searchParams }: PageProps) {
  const reader = await getCurrentReader();
  if (!reader) return <SignedOut />;
  const params = searchParamsToObject(await searchParams);
  const notice = params.notice ? NOTICES[params.notice] : undefined;
  const { liked, disliked } = await loadTastePapers(reader.readerId);

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/for-you" className="font-medium text-accent-700 underline dark:text-accent-300">
            ← For you
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">What For you learns from</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-300">
          Your recommendations come from a model trained on these papers: more like the first list, less like the second. Change one and the
          next view of For you is ranked again.
        </p>
      </div>
      {notice && <Notice tone={notice.tone} role="status" title={notice.title} />}
      <TasteList
        id="liked"
        title="More like these"
        description="Papers you saved or marked “More like this”."
        papers={liked}
        flip={{ intent: "dislike", label: "Not for me" }}
        empty={
          <>
            Nothing yet.{" "}
            <Link href="/for-you" className="font-medium text-accent-700 underline dark:text-accent-300">
              Pick a few papers you like
            </Link>
            .
          </>
        }
      />
      <TasteList
        id="disliked"
        title="Less like these"
        description="Papers you marked “Not for me”, even if they are in your library."
        papers={disliked}
        flip={{ intent: "like", label: "More like this" }}
        empty="Nothing yet: press “Not for me” on a recommendation that misses, and similar papers move down."
      />
    </div>
  );
}
