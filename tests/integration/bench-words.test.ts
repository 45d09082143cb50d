import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { assertFound, pickBenchWords } from "@/bench/search";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
afterAll(() => pool.end());

describe("the search bench's words", () => {
  it("are the same on every run over a corpus, ANALYZE or not, and each finds papers", async () => {
    const first = await pickBenchWords(pool);
    await pool.query("ANALYZE paper");
    const second = await pickBenchWords(pool);
    expect(second).toEqual(first);
    expect(first.commonest.share).toBeGreaterThanOrEqual(first.medium.share);
    expect(first.rarest).toHaveLength(2);
  });

  it("stop the bench on a word that matches nothing, such as the stop word the surname Just is", async () => {
    await expect(assertFound(pool, "surname", "Just")).rejects.toThrow(/matches no paper/);
    await expect(assertFound(pool, "word", "diffusion")).resolves.toBeUndefined();
  });
});
