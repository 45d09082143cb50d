import { describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { seed } from "@/prisma/seed";

describe("seed", () => {
  it("loads all 81 shipped papers and changes nothing when run again", async () => {
    expect(await db.paper.count({ where: { source: "seed" } })).toBeGreaterThanOrEqual(81);
    const before = await db.paper.findMany({ select: { arxivId: true, updatedAt: true }, orderBy: { id: "asc" } });
    expect(await seed()).toEqual({ inserted: 0, updated: 0, unchanged: 81 });
    const after = await db.paper.findMany({ select: { arxivId: true, updatedAt: true }, orderBy: { id: "asc" } });
    expect(after).toEqual(before);
  });

  it("lists a paper without a known date on the first day of its arXiv id's month", async () => {
    const paper = await db.paper.findUniqueOrThrow({ where: { arxivId: "2403.15706" } });
    expect(paper.publishedOn).toBeNull();
    expect(paper.listedOn.toISOString().slice(0, 10)).toBe("2024-03-01");
  });
});
