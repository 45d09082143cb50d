"use client";

import { useEffect } from "react";

import { HINT_COOKIE_MAX_AGE, SCRIPTS_COOKIE } from "@/lib/page-cache/personal-cookies";

/**
 * Tells the server this browser runs the site's scripts, so a signed-in reader can be served the
 * page everybody gets and fetch their own state (components/viewer-state.ts). A browser without
 * scripts never sets it and keeps getting pages rendered for it.
 */
export function ScriptsCookie() {
  useEffect(() => {
    if (document.cookie.split("; ").includes(`${SCRIPTS_COOKIE}=1`)) return;
    const secure = location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${SCRIPTS_COOKIE}=1; path=/; max-age=${HINT_COOKIE_MAX_AGE}; samesite=lax${secure}`;
  }, []);
  return null;
}
