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

export async function startAppServer(mode: "start" | "dev", port: string, env: NodeJS.ProcessEnv): Promise<Running> {
  // A group of its own, so that when the server dies its orphaned children die with it and the
  // next start finds the port free.
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), [mode, "-H", "127.0.0.1", "-p", port], {
    cwd: root,
    env,
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
