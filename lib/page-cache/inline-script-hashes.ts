import { createHash } from "node:crypto";

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const EXTERNAL = /\bsrc\s*=/i;

/**
 * The SHA-256 hashes (base64, as CSP writes them) of a page's inline scripts: Next.js's bootstrap
 * and the page's data, which differ with every page. React escapes "</script" inside them, so the
 * first closing tag after an opening one ends it. Scripts with a src are files, allowed by origin.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, content] of html.matchAll(SCRIPT)) {
    if (EXTERNAL.test(attributes!)) continue;
    hashes.add(createHash("sha256").update(content!, "utf8").digest("base64"));
  }
  return [...hashes];
}
