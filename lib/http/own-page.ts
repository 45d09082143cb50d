/** A render that takes longer is given up: its visitors get a page rendered for them instead. */
const RENDER_TIMEOUT_MS = 20_000;

/**
 * This server's page at `path`, asked of the server itself (where `next start` and the standalone
 * server.js record they listen): how the page caches render a copy. Uncompressed, as the server
 * would gzip the page only for this fetch to unzip it again; redirects are answered, not followed.
 */
export function fetchOwnPage(path: string, headers: Record<string, string>): Promise<Response> {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${process.env.PORT || "3000"}`;
  return fetch(new URL(path, origin), {
    headers: { ...headers, accept: "text/html", "accept-encoding": "identity" },
    redirect: "manual",
    cache: "no-store",
    signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
  });
}

/**
 * `render()` once for `key` however many ask while it runs (`pending` holds the one running per
 * key); a failure is logged as `rendering` (what was rendered, no visitor's secrets) and gives null,
 * so the asker renders for itself.
 */
export function renderOnce<Copy>(
  pending: Map<string, Promise<Copy | null>>,
  key: string,
  rendering: string,
  render: () => Promise<Copy | null>,
): Promise<Copy | null> {
  const running = pending.get(key);
  if (running) return running;
  const result = render()
    .catch((error: unknown) => {
      console.warn(`${rendering} failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    })
    .finally(() => pending.delete(key));
  pending.set(key, result);
  return result;
}
