import { spawn } from "node:child_process";
import path from "node:path";

import { appServerEnv } from "../scripts/app-server";
import { buildIfChanged } from "../scripts/build-if-changed";

import { BENCH_APP_SECRET } from "./bench-database";

const root = path.resolve(import.meta.dirname, "..");

/** A script the feed page loads: what serving a file from `.next/static` costs, a server's ceiling. */
export async function staticAssetPath(baseUrl: string): Promise<string> {
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await (await fetch(baseUrl)).text())?.[1];
  if (!script) throw new Error("The feed page loads no script from /_next/static.");
  return script;
}

/** The production build served by `next start` on 127.0.0.1, against the given database, as `npm start` runs it. */
export async function startAppServer(databaseUrl: string, port: number) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    APP_URL: `http://127.0.0.1:${port}`,
    APP_SECRET: process.env.APP_SECRET ?? BENCH_APP_SECRET,
    CRON_SECRET: process.env.CRON_SECRET ?? "bench-cron-secret-0123456789",
    SCHEDULER: "off",
    // The bench and the load test measure searches, many a second from one address, not the budget.
    SEARCH_RATE_LIMIT: "1000000/60",
  };
  await buildIfChanged(env, console.error);
  const server = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: appServerEnv(env),
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(`${baseUrl}/api/papers?period=all&limit=1`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 120) throw new Error("The app did not start within a minute.");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    baseUrl,
    pid: server.pid,
    stop: async () => {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    },
  };
}
