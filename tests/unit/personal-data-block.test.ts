import { describe, expect, it } from "vitest";

import { dataBlock } from "@/lib/readers/personal-view";

const OPEN = '<script type="application/json" id="personal-view">';

describe("a personal shell's data block", () => {
  it("holds the data as JSON that nothing in it can end or break out of", () => {
    const hostile = '</script><script>alert(1)</script><!-- & \u2028 "quoted" ünïcode 🧪';
    const data = { status: "unreadable" as const, issues: [{ message: hostile }] };
    const block = new TextDecoder().decode(dataBlock(data));
    expect(block.startsWith(OPEN)).toBe(true);
    expect(block.endsWith("</script>")).toBe(true);
    const json = block.slice(OPEN.length, -"</script>".length);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});
