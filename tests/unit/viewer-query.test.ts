import { describe, expect, it } from "vitest";

import { MAX_VIEWER_PAPERS } from "@/lib/readers/max-viewer-papers";
import { viewerQuerySchema } from "@/lib/readers/viewer-query";

describe("what a page's script may ask /api/viewer for", () => {
  it("reads the page's papers, once each, and nothing when there are none", () => {
    expect(viewerQuerySchema.parse({ papers: "2502.03387,hep-th/9901001,2502.03387" })).toEqual({
      papers: ["2502.03387", "hep-th/9901001"],
    });
    expect(viewerQuerySchema.parse({})).toEqual({ papers: [] });
  });

  it("refuses what is not an arXiv id, and more papers than a page shows", () => {
    expect(viewerQuerySchema.safeParse({ papers: "2502.03387,../etc" }).success).toBe(false);
    expect(viewerQuerySchema.safeParse({ papers: "" }).success).toBe(true);
    const tooMany = Array.from({ length: MAX_VIEWER_PAPERS + 1 }, (_, index) => `2502.${String(10000 + index)}`).join(",");
    expect(viewerQuerySchema.safeParse({ papers: tooMany }).success).toBe(false);
  });
});
