import { afterAll, describe, expect, it } from "vitest";

import { trackedFixtures } from "../support/digest-fixtures";

const { db } = await import("@/lib/db");
const { loadVectorsByTermId, readVectors } = await import("@/lib/similarity/load-vectors");

const { papers, paperIds } = trackedFixtures(db);

afterAll(async () => {
  await db.paper.deleteMany({ where: { id: { in: paperIds } } });
});

async function indexVersion(): Promise<bigint> {
  const [row] = await db.$queryRaw<{ version: bigint }[]>`SELECT version FROM similarity_index_state`;
  return row!.version;
}

const weightsRead = async (paperId: number, version: bigint) => (await readVectors([paperId], version)).get(paperId)?.weights;
const weightsStored = async (paperId: number) => (await loadVectorsByTermId(db, [paperId])).get(paperId)?.weights;

describe("the vectors views read", () => {
  it("are kept for the index version they were read at, and read again once the index changes", async () => {
    const [paper] = await papers({ title: "Kept vectors", createdAt: new Date() });
    const id = paper!.id;
    await db.$executeRaw`INSERT INTO paper_vector (paper_id, term_ids, weights) VALUES (${id}, '{1,2}', '{0.6,0.8}')`;
    const version = await indexVersion();
    expect(await readVectors([id], version)).toEqual(new Map([[id, { terms: [1, 2], weights: [0.6, 0.8] }]]));

    // Changed behind the index's back (its trigger off for this one statement): the version stays,
    // so a view at it gets the vector kept, and only the table shows the change.
    await db.$transaction([
      db.$executeRaw`SET LOCAL session_replication_role = replica`,
      db.$executeRaw`UPDATE paper_vector SET weights = '{0.8,0.6}' WHERE paper_id = ${id}`,
    ]);
    expect(await indexVersion()).toBe(version);
    expect(await weightsRead(id, version)).toEqual([0.6, 0.8]);
    expect(await weightsStored(id)).toEqual([0.8, 0.6]);

    // A change the index counts: views at the new version read the vector again.
    await db.$executeRaw`UPDATE paper_vector SET weights = '{1,0}' WHERE paper_id = ${id}`;
    const changed = await indexVersion();
    expect(changed).toBeGreaterThan(version);
    expect(await weightsRead(id, changed)).toEqual([1, 0]);
    // A view that read the version before the change reads afresh: nothing is kept for it any more.
    expect(await weightsRead(id, version)).toEqual([1, 0]);
  });

  it("are not kept from a read at another version than the view's", async () => {
    const [paper] = await papers({ title: "Vectors of a newer index", createdAt: new Date() });
    const id = paper!.id;
    const before = await indexVersion();
    await db.$executeRaw`INSERT INTO paper_vector (paper_id, term_ids, weights) VALUES (${id}, '{3}', '{1}')`;
    // The view read the index before the vector arrived: what it reads now is not kept for that version.
    expect(await weightsRead(id, before)).toEqual([1]);
    await db.$transaction([
      db.$executeRaw`SET LOCAL session_replication_role = replica`,
      db.$executeRaw`UPDATE paper_vector SET weights = '{0.5}' WHERE paper_id = ${id}`,
    ]);
    expect(await weightsRead(id, before)).toEqual([0.5]);
  });
});
