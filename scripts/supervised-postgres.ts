// The embedded PostgreSQL of `npm start`, restarted when it dies. Its whole output goes to
// .data/postgres.log; errors also reach the console, so a crash is never silent.
import { createWriteStream } from "node:fs";
import path from "node:path";

import { embeddedPostgresUrl, startEmbeddedPostgres } from "./embedded-postgres";
import { supervise, type Supervised } from "./supervise";

const LOUD_LINE = /\b(ERROR|FATAL|PANIC):/;

export function superviseEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log: (message: string) => void;
}): Supervised & { url: (database: string) => string } {
  const logFile = path.join(options.dataDir, "postgres.log");
  const output = createWriteStream(logFile, { flags: "a" });
  const onLog = (message: unknown) => {
    const text = String(message);
    output.write(text.endsWith("\n") ? text : `${text}\n`);
    for (const line of text.split("\n")) if (LOUD_LINE.test(line)) console.error(`\x1b[2m[postgres]\x1b[0m ${line.trim()}`);
  };
  const start = async () => {
    // The package rejects with nothing when the server exits during start-up; its log says why.
    const server = await startEmbeddedPostgres({
      dataDir: path.join(options.dataDir, "postgres"),
      port: options.port,
      onLog,
      keepSignalHooks: false,
    }).catch((error: unknown) => {
      throw error instanceof Error ? error : new Error("it exited during start-up");
    });
    return { pid: server.pid(), exited: server.exited(), stop: server.stop };
  };
  options.log(`PostgreSQL logs to ${logFile}.`);
  const supervised = supervise("PostgreSQL", start, options.log);
  return {
    ...supervised,
    url: (database) => embeddedPostgresUrl(options.port, database),
    stop: async () => {
      await supervised.stop();
      output.end();
    },
  };
}
