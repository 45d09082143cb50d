import { describe, expect, it } from "vitest";

import { FEEDBACK_LIFETIME_DAYS, signFeedbackToken, verifyFeedbackToken } from "@/lib/feedback/feedback-token";
import { recommendationReason } from "@/lib/digest/recommendation-reason";

const SECRET = "unit-test-secret-0123456789abcdef";
const now = new Date("2030-01-08T09:00:00Z");
const token = signFeedbackToken(SECRET, { subscriberId: 7, paperId: 42, action: "save" }, now);

describe("feedback link tokens", () => {
  it("name the subscriber, paper and action they were signed for, until they expire", () => {
    const check = verifyFeedbackToken(SECRET, token, now);
    expect(check).toMatchObject({ ok: true, grant: { subscriberId: 7, paperId: 42, action: "save" } });
    const expiresAt = check.ok ? check.grant.expiresAt.getTime() : 0;
    expect(expiresAt - now.getTime()).toBeGreaterThan((FEEDBACK_LIFETIME_DAYS - 1) * 86_400_000);
    expect(verifyFeedbackToken(SECRET, token, new Date(expiresAt))).toEqual({ ok: false, reason: "expired" });
  });

  it("refuse any change to a field, another secret, and anything not shaped like a token", () => {
    const [subscriber, paper, action, expiry, signature] = token.split(".");
    for (const forged of [
      [subscriber, "43", action, expiry, signature],
      ["8", paper, action, expiry, signature],
      [subscriber, paper, "more", expiry, signature],
      [subscriber, paper, action, String(Number(expiry) + 365), signature],
      [subscriber, paper, action, expiry, `${signature!.slice(0, -1)}${signature!.endsWith("A") ? "B" : "A"}`],
    ]) {
      expect(verifyFeedbackToken(SECRET, forged.join("."), now)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(verifyFeedbackToken("another-secret-0123456789abcdefgh", token, now)).toEqual({ ok: false, reason: "invalid" });
    for (const bad of [undefined, "", "a.b.c", `${token}.x`, token.replace("save", "nuke"), "1".repeat(200)]) {
      expect(verifyFeedbackToken(SECRET, bad, now)).toEqual({ ok: false, reason: "invalid" });
    }
  });
});

describe("why the model recommended a paper", () => {
  it("names the closest saved or liked papers", () => {
    expect(recommendationReason([{ title: "LeanAgent", saved: true }])).toBe("Because you saved “LeanAgent”");
    expect(
      recommendationReason([
        { title: "LeanAgent", saved: true },
        { title: "DeepSeek-Prover", saved: true },
      ]),
    ).toBe("Because you saved “LeanAgent” and “DeepSeek-Prover”");
    expect(
      recommendationReason([
        { title: "LeanAgent", saved: false },
        { title: "DeepSeek-Prover", saved: true },
      ]),
    ).toBe("Because you liked “LeanAgent” and saved “DeepSeek-Prover”");
    expect(recommendationReason([{ title: "word ".repeat(30), saved: true }]).length).toBeLessThan(90);
  });
});
