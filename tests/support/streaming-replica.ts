// A PostgreSQL primary and a streaming replica of it, made with PostgreSQL's own tools (initdb,
// pg_basebackup -R, pg_ctl) in a temporary directory on ports of their own. PostgreSQL refuses to
// run as root, so as root the servers run as the `postgres` user.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

import { freePort } from "./free-port";

const BIN = process.env.PG_BIN_DIR ?? "/usr/lib/postgresql/15/bin";

export type StreamingPair = {
  primaryUrl: (database: string) => string;
  replicaUrl: (database: string) => string;
  stopReplica: () => void;
  close: () => void;
};

export async function startStreamingPair(): Promise<StreamingPair> {
  if (!existsSync(path.join(BIN, "pg_basebackup"))) {
    throw new Error(
      `The replica test needs PostgreSQL's server tools (initdb, pg_ctl, pg_basebackup) in ${BIN}; install them (Debian: postgresql-15) or set PG_BIN_DIR.`,
    );
  }
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(path.join(tmpdir(), "paperpulse-replica-"));
  if (asRoot) execFileSync("chown", ["postgres", dir]);
  const run = (tool: string, args: string[]) =>
    execFileSync(asRoot ? "runuser" : path.join(BIN, tool), asRoot ? ["-u", "postgres", "--", path.join(BIN, tool), ...args] : args, {
      stdio: "pipe",
    });
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const serverOptions = (port: number) => `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const primary = path.join(dir, "primary");
  const replica = path.join(dir, "replica");

  run("initdb", ["-D", primary, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]);
  execFileSync("sh", ["-c", `echo "host replication all 127.0.0.1/32 trust" >> ${primary}/pg_hba.conf`]);
  run("pg_ctl", ["-D", primary, "-o", serverOptions(primaryPort), "-l", path.join(dir, "primary.log"), "-w", "start"]);
  let replicaRunning = false;
  const stopReplica = () => {
    if (replicaRunning) run("pg_ctl", ["-D", replica, "-m", "immediate", "-w", "stop"]);
    replicaRunning = false;
  };
  const close = () => {
    stopReplica();
    run("pg_ctl", ["-D", primary, "-m", "immediate", "-w", "stop"]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run("pg_basebackup", [
      "-h",
      "127.0.0.1",
      "-p",
      String(primaryPort),
      "-U",
      "postgres",
      "-D",
      replica,
      "-R",
      "-X",
      "stream",
      "--no-sync",
    ]);
    run("pg_ctl", ["-D", replica, "-o", serverOptions(replicaPort), "-l", path.join(dir, "replica.log"), "-w", "start"]);
    replicaRunning = true;
  } catch (error) {
    close();
    throw error;
  }
  const url = (port: number) => (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return { primaryUrl: url(primaryPort), replicaUrl: url(replicaPort), stopReplica, close };
}
