// The generated Prisma client is a build product of prisma/schema.prisma: regenerate it whenever
// the schema (or the Prisma version) differs from the one it was generated from, so that `npm
// start` and `npm run dev` never serve a client that disagrees with the database.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const outputDir = path.join(root, "lib", "generated", "prisma");
const stampFile = path.join(outputDir, "schema-hash");
const INPUTS = ["prisma/schema.prisma", "prisma.config.ts", "node_modules/prisma/package.json"];

async function inputsHash(): Promise<string> {
  const hash = createHash("sha256");
  for (const input of INPUTS) hash.update(`${input}\n`).update(await readFile(path.join(root, input)));
  return hash.digest("hex");
}

export async function generateClientIfStale(env: NodeJS.ProcessEnv, log: (message: string) => void): Promise<void> {
  const hash = await inputsHash();
  const stamp = existsSync(stampFile) ? (await readFile(stampFile, "utf8")).trim() : "";
  if (stamp === hash && existsSync(path.join(outputDir, "client.ts"))) return;
  log("Generating the Prisma client (first start or schema changed) …");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["generate"], {
    cwd: root,
    env: { ...env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true" },
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("prisma generate failed");
  await writeFile(stampFile, hash);
}
