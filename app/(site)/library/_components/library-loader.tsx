"use client";

import { LoadFailed, LoadingCards, usePersonalView } from "@/components/personal-view";
import type { LibraryQuery } from "@/lib/library/library-query";
import type { LibraryView } from "@/lib/library/library-view";

import { LibraryContent, LibraryHeading, LibraryParameterError } from "./library-content";

/** The shell's library (lib/readers/personal-shells.ts): drawn from the reader's data the shell carries. */
export function LibraryLoader() {
  const shown = usePersonalView<LibraryQuery, LibraryView>();
  if (shown && shown !== "missing") {
    return shown.status === "ready" ? (
      <LibraryContent view={shown.view} state={shown.query} notice={shown.notice} />
    ) : (
      <LibraryParameterError issues={shown.issues} />
    );
  }
  return (
    <>
      <LibraryHeading total={null} />
      {shown === "missing" ? (
        <LoadFailed title="Your library could not be shown." />
      ) : (
        <LoadingCards label="Loading your library" path="/library" />
      )}
    </>
  );
}
