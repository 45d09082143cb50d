import { describe, expect, it } from "vitest";

import { addWeeks, mondayOf, weeklyBars } from "@/lib/trends/weekly-bars";

describe("weekly bars", () => {
  it("finds ISO weeks' Mondays and steps by weeks across years", () => {
    expect(mondayOf("2025-02-10")).toBe("2025-02-10");
    expect(mondayOf("2025-02-16")).toBe("2025-02-10");
    expect(mondayOf("2025-01-01")).toBe("2024-12-30");
    expect(addWeeks("2025-02-10", -51)).toBe("2024-02-19");
    expect(addWeeks("2024-12-30", 1)).toBe("2025-01-06");
  });

  it("draws 52 weeks ending with the last one, missing weeks as zero, the peak at full height", () => {
    const chart = weeklyBars("2025-02-10", [
      { week: "2024-02-19", papers: 2 },
      { week: "2024-06-03", papers: 8 },
      { week: "2025-02-10", papers: 4 },
      { week: "2023-01-02", papers: 99 }, // outside the year: not drawn
    ]);
    expect(chart.bars).toHaveLength(52);
    expect(chart.bars[0]).toMatchObject({ week: "2024-02-19", papers: 2, height: 24, y: 72 });
    expect(chart.bars.at(-1)).toMatchObject({ week: "2025-02-10", papers: 4, height: 48 });
    expect(chart.bars.find((bar) => bar.week === "2024-06-03")).toMatchObject({ height: 96, y: 0 });
    expect(chart).toMatchObject({ peak: 8, total: 14, width: 520, height: 96 });
    expect(chart.bars.filter((bar) => bar.height > 0)).toHaveLength(3);
  });

  it("lays the bars side by side within the width, with a gap between them", () => {
    const { bars } = weeklyBars("2025-02-10", [], 520, 96);
    for (const [index, bar] of bars.entries()) {
      expect(bar.x).toBeCloseTo(index * 10 + 1);
      expect(bar.width).toBeCloseTo(8);
      expect(bar.height).toBe(0);
    }
    expect(bars.at(-1)!.x + bars.at(-1)!.width).toBeLessThanOrEqual(520);
  });

  it("keeps a single paper visible in a busy year", () => {
    const chart = weeklyBars("2025-02-10", [
      { week: "2025-02-03", papers: 1000 },
      { week: "2025-02-10", papers: 1 },
    ]);
    expect(chart.bars.at(-1)!.height).toBe(1);
  });
});
