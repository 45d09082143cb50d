"use client";

import { LoadFailed, LoadingCards, usePersonalView } from "@/components/personal-view";
import type { ForYouQuery } from "@/lib/for-you/for-you-query";
import type { ForYouView } from "@/lib/for-you/for-you-view";

import { ForYouContent, ForYouParameterError } from "./for-you-content";

/** The shell's For you (lib/readers/personal-shells.ts): drawn from the reader's ranked papers the shell carries. */
export function ForYouLoader() {
  const shown = usePersonalView<ForYouQuery, ForYouView>();
  if (shown && shown !== "missing") {
    return shown.status === "ready" ? (
      <ForYouContent view={shown.view} period={shown.query.period} notice={shown.notice} />
    ) : (
      <ForYouParameterError issues={shown.issues} />
    );
  }
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">For you</h1>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">New papers ranked by what you saved and rated.</p>
      </div>
      {shown === "missing" ? (
        <LoadFailed title="Your papers could not be shown." />
      ) : (
        <LoadingCards label="Loading your papers" path="/for-you" />
      )}
    </>
  );
}
