// Where the app server of this Playwright worker is. tests/e2e/serve.ts starts one server per worker,
// each on a database of its own, so that specs running side by side never see each other's
// subscribers, votes, rate limits or page cache. Playwright numbers the workers running at once
// from 0 (TEST_PARALLEL_INDEX, set before a worker loads the config and the specs).
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export const E2E_WORKERS = Number(process.env.E2E_WORKERS ?? 2);
export const FIRST_E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

/** The server of the worker this runs in; the first one outside a worker (the runner, serve.ts). */
export const e2ePort = FIRST_E2E_PORT + Number(process.env.TEST_PARALLEL_INDEX ?? 0);
export const e2eUrl = `http://127.0.0.1:${e2ePort}`;

export const databaseUrlFile = (port: number) => path.join(tmpdir(), `paperpulse-e2e-${port}.database-url`);

/** The database of this worker's server, for specs that check what a journey left in it. */
export const e2eDatabaseUrl = () => readFile(databaseUrlFile(e2ePort), "utf8");
