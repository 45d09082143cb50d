/**
 * Whether a request's Origin is this site: the public APP_URL, or the host the request was sent
 * to (the Host header, or X-Forwarded-Host when a trusted proxy set it; the client-address hook
 * drops the header otherwise), so the app also accepts its pages at the address it is bound to
 * (http://127.0.0.1:3000 under `npm start`). A missing Origin is not a browser's cross-site
 * request; the literal "null" (sandboxed frames, some redirects) is never ours.
 */
export function isSameOrigin(headers: Headers, appUrl: string): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  if (origin === new URL(appUrl).origin) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return Boolean(host) && originHost === host!.toLowerCase();
}
