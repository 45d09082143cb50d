"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

import { readBrowserSaves, writeBrowserSaves } from "@/components/browser-saves";

import { mergeBrowserSavesAction } from "../actions";

/** Moves papers saved in this browser before signing in into the library, then forgets them here. */
export function MergeBrowserSaves() {
  const router = useRouter();
  useEffect(() => {
    const ids = readBrowserSaves();
    if (ids.length === 0) return;
    void mergeBrowserSavesAction(ids).then((saved) => {
      writeBrowserSaves([]);
      if (saved > 0) router.refresh();
    });
  }, [router]);
  return null;
}
