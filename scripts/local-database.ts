// The database a command-line tool works on: DATABASE_URL when set, else the embedded PostgreSQL
// that `npm start` uses ($DATA_DIR/postgres, by default .data/postgres, port 54329, database
// `paperpulse`). When that server is not running, it is started for the command and stopped after.
import path from "node:path";

import pg from "pg";

import { migrate } from "../prisma/migrate";
import { ensureDatabase } from "./database";
import { embeddedPostgresUrl, startEmbeddedPostgres } from "./embedded-postgres";

const root = path.resolve(import.meta.dirname, "..");

export type LocalDatabase = { url: string; description: string; stop: () => Promise<void> };

async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function openLocalDatabase(env: NodeJS.ProcessEnv): Promise<LocalDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, description: "DATABASE_URL", stop: async () => {} };

  const port = Number(env.EMBEDDED_PG_PORT ?? 54329);
  const adminUrl = embeddedPostgresUrl(port, "postgres");
  let stop = async () => {};
  let description = `the running embedded PostgreSQL on port ${port}`;
  if (!(await isReachable(adminUrl))) {
    const server = await startEmbeddedPostgres({ dataDir: path.join(path.resolve(root, env.DATA_DIR || ".data"), "postgres"), port });
    stop = server.stop;
    description = `the embedded PostgreSQL in .data/postgres (started for this command)`;
  }
  try {
    await ensureDatabase(adminUrl, "paperpulse");
    const url = embeddedPostgresUrl(port, "paperpulse");
    await migrate(url);
    return { url, description, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
