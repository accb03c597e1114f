// Search folds case and Danish letters both ways, so people find tables however they type.
import { describe, expect, it } from "vitest";
import { foldings } from "./search-tables.ts";

describe("foldings", () => {
  it("folds æ, ø, å to ae, oe, aa and to ae, o, a, and strips accents", () => {
    expect(foldings("Forsørgelse")).toEqual(["forsoergelse", "forsorgelse"]);
    expect(foldings("Åbenrå")).toEqual(["aabenraa", "abenra"]);
    expect(foldings("Sjælland")).toEqual(["sjaelland", "sjaelland"]);
    expect(foldings("Café")).toEqual(["cafe", "cafe"]);
  });
});
