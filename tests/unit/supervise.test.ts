import { spawn } from "node:child_process";

import { describe, expect, it } from "vitest";

import { supervise, type ExitStatus, type Running } from "../../scripts/supervise";

const BACKOFF = { firstDelayMs: 20, maxDelayMs: 80, stableAfterMs: 60_000 };

/** A real process that exits with `code` after `ms`, or runs until stopped. */
async function startProcess(ms: number | null, code = 1): Promise<Running> {
  const script = ms === null ? "setInterval(() => {}, 1000)" : `setTimeout(() => process.exit(${code}), ${ms})`;
  const child = spawn(process.execPath, ["-e", script]);
  await new Promise((resolve) => child.once("spawn", resolve));
  const exited = new Promise<ExitStatus>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return {
    pid: child.pid,
    exited,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

const until = async (check: () => boolean) => {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe("supervise", () => {
  it("restarts a crashing process with a doubling, capped delay, and stops it for good", async () => {
    const lines: string[] = [];
    let starts = 0;
    // Crashes right away four times, then stays up.
    const supervised = supervise(
      "worker",
      () => startProcess(++starts <= 4 ? 10 : null),
      (line) => lines.push(line),
      BACKOFF,
    );
    await supervised.ready;
    await until(() => lines.filter((line) => line.startsWith("worker restarted")).length === 4);
    const delays = lines.filter((line) => line.includes("stopped unexpectedly")).map((line) => line.match(/restarting in ([\d.]+) s/)![1]);
    expect(delays).toEqual(["0.02", "0.04", "0.08", "0.08"]);
    expect(lines.every((line) => !line.includes("stopped unexpectedly") || line.includes("(exit code 1)"))).toBe(true);
    await supervised.stop();
    const linesAtStop = lines.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lines.length).toBe(linesAtStop);
    expect(starts).toBe(5);
  });

  it("keeps retrying a start that fails, and a stop during the wait ends the retries", async () => {
    const lines: string[] = [];
    let starts = 0;
    const supervised = supervise(
      "worker",
      async () => {
        starts += 1;
        if (starts > 1) throw new Error("port in use");
        return startProcess(10);
      },
      (line) => lines.push(line),
      BACKOFF,
    );
    await supervised.ready;
    await until(() => lines.filter((line) => line.includes("did not start: port in use")).length >= 2);
    await supervised.stop();
    const startsAtStop = starts;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(starts).toBe(startsAtStop);
  });

  it("a first start that fails is reported to the caller, not retried", async () => {
    let starts = 0;
    const supervised = supervise(
      "worker",
      async () => {
        starts += 1;
        throw new Error("no binary");
      },
      () => {},
      BACKOFF,
    );
    await expect(supervised.ready).rejects.toThrow("no binary");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(starts).toBe(1);
  });
});
