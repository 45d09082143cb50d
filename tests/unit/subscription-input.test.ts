import { describe, expect, it } from "vitest";

import { fieldErrors, preferencesInput, preferenceValuesOf } from "@/lib/subscribers/preferences-form";
import { subscriptionSchema } from "@/lib/subscribers/subscription-input";

describe("subscription input", () => {
  it("normalises the address, categories, time zone and repeated topics", () => {
    const input = subscriptionSchema.parse({
      email: "  Ada.Lovelace@Example.ORG ",
      topics: ["  diffusion   models ", "Diffusion Models", 'author:"Yann LeCun"'],
      categories: ["cs.lg", "CS.LG", "cond-mat.MES-HALL", "hep-th"],
      authors: ["Geoffrey  Hinton"],
      timeZone: "europe/berlin",
    });
    expect(input).toMatchObject({
      email: "ada.lovelace@example.org",
      frequency: "daily",
      weekday: 1,
      maxPapers: 10,
      sendWhenQuiet: false,
      topics: ["diffusion models", 'author:"Yann LeCun"'],
      categories: ["cs.LG", "cond-mat.mes-hall", "hep-th"],
      authors: ["Geoffrey Hinton"],
      timeZone: "Europe/Berlin",
    });
  });

  it("names the field of every problem", () => {
    const result = subscriptionSchema.safeParse({
      email: "a@b",
      frequency: "hourly",
      weekday: 8,
      maxPapers: 0,
      timeZone: "Nowhere/Land",
      topics: ["category:nonsense!"],
      categories: ["not a category"],
      authors: Array.from({ length: 21 }, (_, index) => `Author ${index}`),
    });
    expect(result.success).toBe(false);
    expect(Object.keys(fieldErrors(result.error!)).sort()).toEqual(
      ["authors", "categories", "email", "frequency", "maxPapers", "timeZone", "topics", "weekday"].sort(),
    );
  });

  it("reads form fields (one topic per line) and writes them back the same way", () => {
    const values = {
      frequency: "weekly",
      weekday: "5",
      timeZone: "UTC",
      maxPapers: "7",
      sendWhenQuiet: true,
      topics: "diffusion\r\n\r\n  graph networks  \n",
      categories: "cs.LG, stat.ML  cs.CL",
      authors: "Ada Lovelace\n",
    };
    const parsed = subscriptionSchema.omit({ email: true }).parse(preferencesInput(values));
    expect(parsed).toMatchObject({ topics: ["diffusion", "graph networks"], categories: ["cs.LG", "stat.ML", "cs.CL"], weekday: 5 });
    expect(preferenceValuesOf(parsed)).toMatchObject({
      topics: "diffusion\ngraph networks",
      categories: "cs.LG stat.ML cs.CL",
      maxPapers: "7",
    });
  });
});
