// `npm run db:snapshot`: applies the migrations to a throw-away database (on TEST_DATABASE_URL's
// server, else an embedded one) and writes the schema they build to prisma/catalog-snapshot.txt,
// which tests/integration/catalog-snapshot.test.ts compares with a freshly migrated database.
import { writeFile } from "node:fs/promises";
import path from "node:path";

import pg from "pg";

import { describeCatalog } from "../prisma/catalog";
import { provisionTestDatabase } from "./test-database";

export const CATALOG_SNAPSHOT = path.resolve(import.meta.dirname, "..", "prisma", "catalog-snapshot.txt");

const database = await provisionTestDatabase({ seed: false });
try {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await writeFile(CATALOG_SNAPSHOT, await describeCatalog(client));
  } finally {
    await client.end();
  }
  console.log(`Wrote ${path.relative(process.cwd(), CATALOG_SNAPSHOT)}`);
} finally {
  await database.drop();
}
