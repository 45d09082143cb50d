// What components/scripts-cookie.tsx does on a rendered page, for a reader's copy of a shared page
// (lib/page-cache/personal-copy.ts), which carries no React: this browser runs scripts, so its next
// pages can be the shared copy with its own state fetched afterwards.
if (!document.cookie.split("; ").includes("pp_js=1")) {
  document.cookie = "pp_js=1; path=/; max-age=34560000; samesite=lax" + (location.protocol === "https:" ? "; secure" : "");
}
