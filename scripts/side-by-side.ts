// Runs npm scripts in lanes side by side: each argument is one lane, its scripts comma-separated and
// run one after another (`typecheck,test:build`). Every line a lane prints is prefixed with its
// name; the exit code is 1 when any lane failed, after all have finished, so each failure shows.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

const lanes = process.argv.slice(2).map((lane) => lane.split(","));

async function runLane(scripts: string[]): Promise<boolean> {
  const name = scripts.join(" → ");
  for (const script of scripts) {
    const started = Date.now();
    const child = spawn("npm", ["run", script], { stdio: ["ignore", "pipe", "pipe"] });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => console.log(`[${script}] ${line}`));
    }
    const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
    console.log(`[${script}] ${code === 0 ? "done" : `FAILED (exit code ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (code !== 0) {
      console.log(`[${name}] stopped`);
      return false;
    }
  }
  return true;
}

const results = await Promise.all(lanes.map(runLane));
process.exit(results.every(Boolean) ? 0 : 1);
