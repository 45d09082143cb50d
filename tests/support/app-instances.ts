// Real `next start` servers of the production build, for tests about several instances on one
// database. The build is made (once per source change) before the first server starts.
import { startAppServer } from "../../scripts/app-server";
import { buildIfChanged } from "../../scripts/build-if-changed";
import type { Running } from "../../scripts/supervise";

import { freePort } from "./free-port";

export type AppInstance = { url: string; stop: () => Promise<void> };

async function waitUntilHealthy(url: string, server: Running, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void server.exited.then(() => (exited = true));
  while (Date.now() < deadline && !exited) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become healthy${exited ? " (the server exited)" : ""}`);
}

/** The environment every instance shares: production, as deployed, whatever mode the tests run in. */
export function instanceEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...overrides, NODE_ENV: "production" };
}

export async function buildApp(env: NodeJS.ProcessEnv): Promise<void> {
  await buildIfChanged(env, console.log);
}

/** Starts one instance on a free port and waits for its health check. */
export async function startAppInstance(env: NodeJS.ProcessEnv): Promise<AppInstance> {
  const port = String(await freePort());
  const url = `http://127.0.0.1:${port}`;
  const server = await startAppServer("start", port, { ...env, APP_URL: env.APP_URL ?? url });
  try {
    await waitUntilHealthy(url, server, 60_000);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url, stop: server.stop };
}
