// Runs once when the Next.js server starts: the place for the client-address hook and the
// in-process scheduler. Only in the Node.js server, never in the edge runtime or while `next build`
// loads the app.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { env } = await import("@/lib/env");
  const { installClientAddressHook } = await import("@/lib/http/client-address-hook");
  installClientAddressHook(env.TRUSTED_PROXY_HOPS);
  const { startScheduler } = await import("@/lib/scheduler/start-scheduler");
  startScheduler();
}
