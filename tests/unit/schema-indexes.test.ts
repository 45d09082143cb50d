import { readFileSync } from "node:fs";
import path from "node:path";

import { expect, it } from "vitest";

// prisma/schema.prisma is not migrated by Prisma: its index declarations are kept true by hand.
// The catalog snapshot is what the migrations leave (tests/integration/catalog-snapshot.test.ts
// holds it to a live database), so the schema is checked against it.
const root = path.resolve(import.meta.dirname, "../..");
const schema = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
const snapshot = readFileSync(path.join(root, "prisma/catalog-snapshot.txt"), "utf8");

const indexes = snapshot
  .slice(snapshot.indexOf("## indexes\n"))
  .split("\n## ")[0]!
  .split("\n")
  .slice(1)
  .filter(Boolean)
  .map((line) => {
    const [, name, table] = /^CREATE (?:UNIQUE )?INDEX (\w+) ON public\.(\w+) /.exec(line)!;
    return { name: name!, table: table! };
  });

const models = [...schema.matchAll(/^model \w+ \{[\s\S]*?^\}/gm)].map(([model]) => ({
  table: /@@map\("(\w+)"\)/.exec(model)![1]!,
  declared: [...model.matchAll(/map: "(\w+)"/g)].map((match) => match[1]!),
  sqlOnly: [...model.matchAll(/^\s*\/\/.*$/gm)].flatMap(([comment]) => comment.match(/\b\w+_(?:idx|key)\b/g) ?? []),
}));

it("declares every index of a modelled table under its SQL name, or names it as one only SQL can make", () => {
  const tables = new Map(models.map((model) => [model.table, model]));
  const missing = indexes
    .filter(({ name, table }) => tables.has(table) && !name.endsWith("_pkey"))
    .filter(({ name, table }) => !tables.get(table)!.declared.includes(name) && !tables.get(table)!.sqlOnly.includes(name));
  expect(missing).toEqual([]);
});

it("declares and names no index the migrations do not create", () => {
  const existing = new Set(indexes.map(({ table, name }) => `${table}.${name}`));
  const unknown = models.flatMap(({ table, declared, sqlOnly }) =>
    [...declared, ...sqlOnly].map((name) => `${table}.${name}`).filter((name) => !existing.has(name)),
  );
  expect(unknown).toEqual([]);
});
