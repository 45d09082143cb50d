"use client";

import { PersonalViewLoader } from "@/components/personal-view";
import type { LibraryQuery } from "@/lib/library/library-query";
import type { LibraryView } from "@/lib/library/library-view";

import { LibraryContent, LibraryHeading, LibraryParameterError } from "./library-content";

/** The shell's library (lib/readers/personal-shells.ts): drawn from the reader's data the shell carries. */
export function LibraryLoader() {
  return (
    <PersonalViewLoader<LibraryQuery, LibraryView>
      heading={<LibraryHeading total={null} />}
      path="/library"
      loading="Loading your library"
      failed="Your library could not be shown."
      ready={(view, query, notice) => <LibraryContent view={view} state={query} notice={notice} />}
      unreadable={(issues) => <LibraryParameterError issues={issues} />}
    />
  );
}
