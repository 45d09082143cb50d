/**
 * The page policy: scripts only with this response's nonce (and what they load, via
 * 'strict-dynamic'); no plugins, frames of us elsewhere, or forms posting off-site. Inline style
 * attributes stay allowed: they cannot run code, and email previews rely on them.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
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
