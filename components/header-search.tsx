"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";

import { SearchBox } from "./search-box";

function SearchBoxFromUrl() {
  const pathname = usePathname();
  const query = useSearchParams().get("q");
  const initialQuery = pathname === "/search" ? (query ?? "") : "";
  // A new search in the URL resets what the box holds.
  return <SearchBox key={initialQuery} initialQuery={initialQuery} />;
}

/** The header's search box, showing the current query on the results page. */
export function HeaderSearch() {
  return (
    <div className="flex w-full min-w-0 justify-end sm:ml-auto sm:w-auto sm:flex-1">
      {/* Statically rendered pages have no query string; they show the empty box. */}
      <Suspense fallback={<SearchBox initialQuery="" />}>
        <SearchBoxFromUrl />
      </Suspense>
    </div>
  );
}
