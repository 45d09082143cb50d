// A production app instance of a test's own (`next start` on the current build), with its output
// kept so a test can see what the server logged.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export type AppInstance = { url: string; log: () => string; stop: () => Promise<void> };

export async function startAppInstance(options: { port: number; env: Record<string, string> }): Promise<AppInstance> {
  const url = `http://127.0.0.1:${options.port}`;
  const child: ChildProcess = spawn(
    path.join(root, "node_modules", ".bin", "next"),
    ["start", "-H", "127.0.0.1", "-p", String(options.port)],
    {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SCHEDULER: "off", SMTP_URL: "", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // A test runner that gives up on a slow set-up never calls stop(): the server goes with it.
  const stopWithRunner = () => child.kill("SIGTERM");
  process.once("exit", stopWithRunner);
  const deadline = Date.now() + 60_000;
  while (
    !(await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`The app on ${url} did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    log: () => output,
    stop: async () => {
      process.off("exit", stopWithRunner);
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
