import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

import pg from "pg";
import { describe, expect, it } from "vitest";

import { describeCatalog } from "@/prisma/catalog";
import { migrate } from "@/prisma/migrate";
import { dropDatabase, ensureDatabase, withDatabase } from "@/scripts/database";

const snapshotFile = path.resolve(import.meta.dirname, "../../prisma/catalog-snapshot.txt");

describe("schema catalog", () => {
  it("is what prisma/catalog-snapshot.txt says the migrations build (after a schema change: npm run db:snapshot)", async () => {
    const server = process.env.DATABASE_URL!;
    const name = `paperpulse_catalog_${randomBytes(4).toString("hex")}`;
    await ensureDatabase(server, name);
    const client = new pg.Client({ connectionString: withDatabase(server, name) });
    try {
      await migrate(withDatabase(server, name));
      await client.connect();
      expect(await describeCatalog(client)).toBe(await readFile(snapshotFile, "utf8"));
    } finally {
      await client.end().catch(() => {});
      await dropDatabase(server, name);
    }
  });
});
