// Runs once when the Next.js server starts: the place for the in-process scheduler. Only in the
// Node.js server, never in the edge runtime or while `next build` loads the app.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startScheduler } = await import("@/lib/scheduler/start-scheduler");
  startScheduler();
}
