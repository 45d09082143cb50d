// The Next.js server of `npm start` / `npm run dev` as a supervised process.
import { spawn } from "node:child_process";
import path from "node:path";

import type { ExitStatus, Running } from "./supervise";

const root = path.resolve(import.meta.dirname, "..");
const STOP_GRACE_MS = 10_000;

/** Signals the server's whole process group: `next dev` and the mail worker run in children of it. */
function signalGroup(pid: number | undefined, signal: NodeJS.Signals) {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/**
 * V8's young generation grown from its default (16 MB semi-spaces) to 64 MB: a view allocates a
 * few hundred kB that die with it, and with fifty views under way every scavenge copied what they
 * held. Under the load test's first views of For you, garbage collection went from 0.62 to 0.31 ms
 * of CPU a view, for up to about 130 MB more memory. The Dockerfile sets the same.
 */
export const APP_NODE_OPTIONS = "--max-semi-space-size=64";

/** `env` with APP_NODE_OPTIONS added to whatever NODE_OPTIONS it has: the app server's, wherever it runs. */
export function appServerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_OPTIONS: [env.NODE_OPTIONS, APP_NODE_OPTIONS].filter(Boolean).join(" ") };
}

export async function startAppServer(mode: "start" | "dev", port: string, env: NodeJS.ProcessEnv): Promise<Running> {
  // A group of its own, so that when the server dies its orphaned children die with it and the
  // next start finds the port free.
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), [mode, "-H", "127.0.0.1", "-p", port], {
    cwd: root,
    env: appServerEnv(env),
    stdio: "inherit",
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", reject);
  });
  const exited = new Promise<ExitStatus>((resolve) =>
    child.once("exit", (code, signal) => {
      signalGroup(child.pid, "SIGKILL");
      resolve({ code, signal });
    }),
  );
  // If this process itself dies, the server must not outlive it.
  const orphanGuard = () => signalGroup(child.pid, "SIGTERM");
  process.once("exit", orphanGuard);
  void exited.then(() => process.off("exit", orphanGuard));
  return {
    pid: child.pid,
    exited,
    stop: async () => {
      signalGroup(child.pid, "SIGTERM");
      const timer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
