// `npm run eval`: relevance on the seed papers, in a freshly migrated and seeded database of its
// own, through the app's own verbs. Each section scores one feature against judged queries; the
// result, with its label (EVAL_LABEL), goes to bench/results/eval-<label>.md.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { provisionTestDatabase } from "../../scripts/test-database";

type Section = () => Promise<string>;

const root = path.resolve(import.meta.dirname, "../..");
const label = (process.env.EVAL_LABEL ?? new Date().toISOString().slice(0, 10)).replace(/[^\w.-]+/g, "-");

async function main() {
  const database = await provisionTestDatabase({ seed: true });
  // lib/env.ts reads these when the sections first import the app's modules.
  process.env.DATABASE_URL = database.url;
  process.env.APP_SECRET ??= "eval-secret-eval-secret-eval-secret-0123";
  process.env.SCHEDULER = "off";
  const sections: [name: string, run: () => Promise<Section>][] = [
    ["search", async () => (await import("./search")).searchSection],
    ["similar papers", async () => async () => (await (await import("./similar")).evaluateSimilarPapers()).markdown],
    // Last: it adds a synthetic corpus of known topics to the seed.
    [
      "recommendations",
      async () => {
        const { addSyntheticCorpus, evaluateRecommendations } = await import("./recommend");
        return async () => {
          await addSyntheticCorpus();
          return (await evaluateRecommendations()).markdown;
        };
      },
    ],
  ];
  const report = [`# PaperPulse relevance: ${label}`, "", `- Date: ${new Date().toISOString()}`, "- Corpus: the 81 seed papers"];
  try {
    for (const [name, load] of sections) {
      console.error(`Evaluating ${name} …`);
      report.push("", await (await load())());
    }
  } finally {
    const { db } = await import("../../lib/db");
    await db.$disconnect();
    await database.drop();
  }
  const text = `${report.join("\n")}\n`;
  console.log(text);
  await mkdir(path.join(root, "bench", "results"), { recursive: true });
  const file = path.join(root, "bench", "results", `eval-${label}.md`);
  await writeFile(file, text);
  console.error(`Saved to ${path.relative(root, file)}`);
}

await main();
