/**
 * Where to go after signing in: a path on this site only. "//evil.example" and "/\evil" are
 * protocol-relative to browsers, so anything but a single leading slash falls back to the library.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 500) return "/library";
  if (!/^\/(?![/\\])[\x21-\x7e]*$/.test(value)) return "/library";
  return value;
}
