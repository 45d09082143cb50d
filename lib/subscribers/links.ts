import "server-only";

import { env } from "@/lib/env";

// Links in emails are absolute, on APP_URL.
function absolute(path: string, token: string): string {
  const url = new URL(path, env.APP_URL);
  url.searchParams.set("token", token);
  return url.toString();
}

/** The page with the "Confirm subscription" button. */
export const confirmUrl = (token: string) => absolute("/subscribe/confirm", token);
export const manageUrl = (token: string) => absolute("/subscriptions/manage", token);
/** The page with one "Unsubscribe" button: for people, and safe from link scanners. */
export const unsubscribeUrl = (token: string) => absolute("/unsubscribe", token);
/** The RFC 8058 List-Unsubscribe target: a POST unsubscribes at once. */
export const oneClickUnsubscribeUrl = (token: string) => absolute("/api/subscriptions/unsubscribe", token);
