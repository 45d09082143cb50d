import "server-only";

import { after } from "next/server";

const unawaited = new Set<Promise<void>>();

/**
 * Runs work once the response has gone out (Next.js's `after`), logging a failure no one is
 * waiting for any more. Outside a request (tests, scripts) there is no response to wait for:
 * the work starts at once, unawaited, and afterResponseWorkDone() waits for it.
 */
export function runAfterResponse(label: string, task: () => Promise<void>): void {
  const run = () => task().catch((error: unknown) => console.error(`${label} failed after the response`, error));
  try {
    after(run);
  } catch {
    const running = run().finally(() => unawaited.delete(running));
    unawaited.add(running);
  }
}

/** Resolves once the work started outside a request has finished. */
export async function afterResponseWorkDone(): Promise<void> {
  while (unawaited.size) await Promise.all(unawaited);
}
