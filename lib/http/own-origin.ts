/**
 * Where this server listens (`next start` and the standalone server.js both record it): the page
 * caches render a copy by asking their own server for the page.
 */
export function ownOrigin(): string {
  return process.env.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${process.env.PORT || "3000"}`;
}
