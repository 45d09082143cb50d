// CPU time of the app server and of PostgreSQL, read from Linux's /proc, for the load test's cost
// per request: unlike a rate, it hardly moves with whatever else the machine is running.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"]).toString()) || 100;

type ProcessCpu = { name: string; parent: number; own: number; reaped: number };

/** A process's name, parent and CPU milliseconds: its own, and its exited children's it has waited for. */
function processCpu(pid: number | string): ProcessCpu | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The name is in parentheses and may hold spaces; the numbered fields follow it (proc(5)).
  const end = text.lastIndexOf(")");
  const fields = text.slice(end + 2).split(" ");
  const ms = (...ticks: string[]) => (ticks.reduce((sum, value) => sum + Number(value), 0) * 1000) / TICKS_PER_SECOND;
  return {
    name: text.slice(text.indexOf("(") + 1, end),
    parent: Number(fields[1]),
    own: ms(fields[11]!, fields[12]!),
    reaped: ms(fields[13]!, fields[14]!),
  };
}

type CpuSoFar = { app: number | null; postgres: number | null };

/**
 * CPU milliseconds used so far by the app server (`appPid` and its exited children) and by the
 * PostgreSQL processes on this machine (the server's exited backends included: their postmaster
 * reaps them); null where /proc does not tell (another OS, a database elsewhere).
 */
export function cpuSoFar(appPid: number | undefined): CpuSoFar {
  const app = appPid === undefined ? null : processCpu(appPid);
  const postgres = new Map<number, ProcessCpu>();
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    const entry = processCpu(pid);
    if (entry?.name === "postgres") postgres.set(Number(pid), entry);
  }
  let total: number | null = null;
  for (const entry of postgres.values()) {
    const isPostmaster = !postgres.has(entry.parent);
    total = (total ?? 0) + entry.own + (isPostmaster ? entry.reaped : 0);
  }
  return { app: app && app.own + app.reaped, postgres: total };
}

/** Each side's CPU between two readings, per request, as the report shows it ("—" where unknown). */
export function cpuPerRequest(before: CpuSoFar, after: CpuSoFar, requests: number): Record<keyof CpuSoFar, string> {
  const side = (from: number | null, to: number | null) =>
    from === null || to === null ? "—" : `${((to - from) / requests).toFixed(1)} ms`;
  return { app: side(before.app, after.app), postgres: side(before.postgres, after.postgres) };
}
