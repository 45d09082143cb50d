"use client";

import { PersonalViewLoader } from "@/components/personal-view";
import type { ForYouQuery } from "@/lib/for-you/for-you-query";
import type { ForYouView } from "@/lib/for-you/for-you-view";

import { ForYouContent, ForYouParameterError } from "./for-you-content";

/** The shell's For you (lib/readers/personal-shells.ts): drawn from the reader's ranked papers the shell carries. */
export function ForYouLoader() {
  return (
    <PersonalViewLoader<ForYouQuery, ForYouView>
      heading={
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">For you</h1>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">New papers ranked by what you saved and rated.</p>
        </div>
      }
      path="/for-you"
      loading="Loading your papers"
      failed="Your papers could not be shown."
      ready={(view, query, notice) => <ForYouContent view={view} period={query.period} notice={notice} />}
      unreadable={(issues) => <ForYouParameterError issues={issues} />}
    />
  );
}
