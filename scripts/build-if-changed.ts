import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const BUILD_INPUTS = [
  "app",
  "assets",
  "components",
  "lib",
  "emails",
  "public",
  "next.config.js",
  "proxy.ts",
  "instrumentation.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];
// Written beside the generated Prisma client by the first `npm start` (scripts/prisma-client.ts);
// the build reads the client, not its stamp. Hashed, it made the e2e run build the app a second
// time after the supervision test had started the app once (about 70 s of CI).
const NOT_BUILD_INPUTS = new Set([path.join("lib", "generated", "prisma", "schema-hash")]);

/**
 * Fingerprint of everything `next build` reads, so a start only rebuilds after a change. By content,
 * not modification time: a start regenerates the Prisma client when it has no schema stamp yet, and
 * the same files written again must not cost another build.
 */
async function sourceFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  async function visit(relative: string) {
    const full = path.join(root, relative);
    if (!existsSync(full) || NOT_BUILD_INPUTS.has(relative)) return;
    const info = await stat(full);
    if (info.isDirectory()) {
      for (const entry of (await readdir(full)).sort()) await visit(path.join(relative, entry));
    } else {
      hash.update(`${relative}:${info.size}\n`).update(await readFile(full));
    }
  }
  for (const input of BUILD_INPUTS) await visit(input);
  return hash.digest("hex");
}

/** Runs `next build` unless the last build was made from the same sources. */
export async function buildIfChanged(env: NodeJS.ProcessEnv, log: (message: string) => void): Promise<void> {
  const distDir = path.join(root, env.NEXT_DIST_DIR || ".next");
  const stampFile = path.join(distDir, "paperpulse-build-stamp");
  const fingerprint = await sourceFingerprint();
  const stamp = existsSync(stampFile) ? await readFile(stampFile, "utf8") : "";
  if (stamp === fingerprint && existsSync(path.join(distDir, "BUILD_ID"))) return;
  log("Building the app (first start or sources changed) …");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("next build failed");
  await writeFile(stampFile, fingerprint);
}
