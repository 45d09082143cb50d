/**
 * The page policy: scripts only from our origin's own scripts allowed by name (a nonce, or the
 * hashes of a cached page's inline scripts); no plugins, frames of us elsewhere, or forms posting
 * off-site. Inline style attributes stay allowed: they cannot run code, and email previews rely
 * on them.
 */
function policy(scriptSources: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSources}${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'self'",
  ].join("; ");
}

/**
 * A page rendered for this request: its scripts carry this response's nonce, and what they load
 * runs through 'strict-dynamic'.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return policy(`'self' 'nonce-${nonce}' 'strict-dynamic'`, development);
}

/**
 * A page served from the page cache to many visitors, where a nonce would be the same for all of
 * them and so no secret: its inline scripts are allowed by their SHA-256 hashes, its script files
 * by our origin (lib/page-cache).
 */
export function hashedContentSecurityPolicy(hashes: string[]): string {
  return policy(["'self'", ...hashes.map((hash) => `'sha256-${hash}'`)].join(" "), false);
}
