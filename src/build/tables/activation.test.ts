import { describe, expect, it } from "vitest";
import { cellStatus, cellValue } from "../cells-for-test.ts";
import { buildTableForTest } from "../test-harness.ts";
import { catalogueProblems } from "../validate-catalogue.ts";
import { activation } from "./activation.ts";

const person = (id: number) => ({ person_id: id, birth_date: "1985-06-15", gender: "K" });

const offer = (
  id: number,
  municipality: string,
  offerType: string,
  targetGroup: string,
  start: string,
  end: string | null,
) => ({
  ...person(id),
  municipality,
  offer_type: offerType,
  target_group: targetGroup,
  start,
  end,
});

const at = (period: string, area: string, targetGroup: string, offerType: string) => ({
  period,
  area,
  target_group: targetGroup,
  offer_type: offerType,
});

describe("activation", () => {
  it("is a valid catalogue entry", () => {
    expect(catalogueProblems([activation])).toEqual([]);
  });

  it("counts persons and full-time persons per month, quarter and leap year, open-ended offers to the data month's end", async () => {
    const cells = await buildTableForTest(
      activation,
      {
        activation_offers: [
          // 22 days in January (10th–31st), 15 in February.
          offer(1, "101", "praktik", "kontanthjaelp", "2024-01-10", "2024-02-15"),
          // One day in Q1 (31 March) and one in Q2 (1 April).
          offer(3, "101", "nytteindsats", "kontanthjaelp", "2024-03-31", "2024-04-01"),
          // Open-ended: 16 days in November (15th–30th) and all 31 of December, the data month.
          offer(2, "751", "vejledning", "dagpenge", "2024-11-15", null),
        ],
      },
      { firstMonth: "2024M01", throughMonth: "2024M12" },
      { where: "area IN ('101', '751', '1082', '1084', 'DK')" }, // the areas asserted below: a year's full cube is ~1 M cells
    );
    const kh = (period: string, type: string) => at(period, "101", "kontanthjaelp", type);
    expect(cellValue(cells, kh("2024M01", "praktik"), "persons")).toBe(1);
    expect(cellValue(cells, kh("2024M01", "praktik"), "fte")).toBe(0.7); // 22/31 = 0.709…
    expect(cellValue(cells, kh("2024M02", "praktik"), "fte")).toBe(0.5); // 15/29 = 0.517…
    // Q1 2024 has 31 + 29 + 31 = 91 days: praktik 37 days → 0.406…; both offers 38 days → 0.417…
    expect(cellValue(cells, kh("2024K1", "praktik"), "fte")).toBe(0.4);
    expect(cellValue(cells, kh("2024K1", "total"), "persons")).toBe(2);
    expect(cellValue(cells, kh("2024K1", "total"), "fte")).toBe(0.4);
    // Q2 has 30 + 31 + 30 = 91 days: one day → 0.011 → 0.0, but the person counts.
    expect(cellValue(cells, kh("2024K2", "nytteindsats"), "persons")).toBe(1);
    expect(cellValue(cells, kh("2024K2", "nytteindsats"), "fte")).toBe(0);
    expect(cellValue(cells, kh("2024K2", "praktik"), "persons")).toBe(0);
    // The open-ended offer runs to 31 December: December 31/31; Q4 (92 days) 47/92 = 0.51…
    expect(cellValue(cells, at("2024M12", "751", "dagpenge", "vejledning"), "fte")).toBe(1);
    expect(cellValue(cells, at("2024K4", "751", "dagpenge", "vejledning"), "fte")).toBe(0.5);
    expect(cellValue(cells, at("2024K4", "1082", "total", "total"), "persons")).toBe(1);
    // The year: 3 persons; (37 + 2 + 47) / 366 = 0.234…
    expect(cellValue(cells, at("2024", "DK", "total", "total"), "persons")).toBe(3);
    expect(cellValue(cells, at("2024", "DK", "total", "total"), "fte")).toBe(0.2);
    expect(cellValue(cells, at("2024", "1084", "total", "total"), "persons")).toBe(2);
    // Without any recipients the rate does not apply.
    expect(cellStatus(cells, kh("2024M01", "praktik"), "activation_rate")).toBe("-");
    expect(cellValue(cells, kh("2024M01", "praktik"), "activation_rate")).toBe(null);
  });

  it("counts a person once in a region when offers in two of its municipalities overlap, and a shared day once", async () => {
    const cells = await buildTableForTest(
      activation,
      {
        activation_offers: [
          offer(1, "101", "praktik", "kontanthjaelp", "2024-03-01", "2024-03-20"),
          offer(1, "147", "praktik", "kontanthjaelp", "2024-03-11", "2024-03-31"),
        ],
      },
      { firstMonth: "2024M03", throughMonth: "2024M03" },
    );
    const cell = (area: string) => at("2024M03", area, "kontanthjaelp", "praktik");
    // Days 1–10 only in 101; days 11–20 in both, owned by the later-starting offer (147); 21–31 in 147.
    expect(cellValue(cells, cell("101"), "persons")).toBe(1);
    expect(cellValue(cells, cell("101"), "fte")).toBe(0.3); // 10/31 = 0.32…
    expect(cellValue(cells, cell("147"), "persons")).toBe(1);
    expect(cellValue(cells, cell("147"), "fte")).toBe(0.7); // 21/31 = 0.677…
    expect(cellValue(cells, cell("JC101"), "fte")).toBe(0.3);
    // Hovedstaden and DK: one person, 31 days (not 41) → 1.0.
    expect(cellValue(cells, cell("1084"), "persons")).toBe(1);
    expect(cellValue(cells, cell("1084"), "fte")).toBe(1);
    expect(cellValue(cells, cell("RAR7"), "persons")).toBe(1);
    expect(cellValue(cells, cell("DK"), "persons")).toBe(1);
    expect(cellValue(cells, cell("DK"), "fte")).toBe(1);
    expect(cellValue(cells, cell("1082"), "persons")).toBe(0);
  });

  it("counts a day with two offer types once in the type total, and stops offers at the data month's end", async () => {
    const cells = await buildTableForTest(
      activation,
      {
        activation_offers: [
          offer(1, "101", "praktik", "kontanthjaelp", "2024-03-01", "2024-03-31"),
          // 15 days (17th–31st) on top of the praktik.
          offer(1, "101", "vejledning", "kontanthjaelp", "2024-03-17", "2024-03-31"),
          // Ends after the data month: 7 days (25th–31st) count.
          offer(2, "101", "praktik", "kontanthjaelp", "2024-03-25", "2024-06-30"),
          // Starts after the data month: never counted.
          offer(3, "101", "praktik", "kontanthjaelp", "2024-04-02", null),
          // Another target group on the same days: one person-day in the target-group total.
          offer(1, "101", "praktik", "sygedagpenge", "2024-03-01", "2024-03-10"),
        ],
      },
      { firstMonth: "2024M03", throughMonth: "2024M03" },
    );
    const cell = (targetGroup: string, type: string) => at("2024M03", "101", targetGroup, type);
    expect(cellValue(cells, cell("kontanthjaelp", "vejledning"), "fte")).toBe(0.5); // 15/31 = 0.48…
    // praktik: person 1 all 31 days + person 2 7 days = 38/31 = 1.22…
    expect(cellValue(cells, cell("kontanthjaelp", "praktik"), "persons")).toBe(2);
    expect(cellValue(cells, cell("kontanthjaelp", "praktik"), "fte")).toBe(1.2);
    // Type total: person 1's days 17–31 count once → still 38/31 (not 53/31 = 1.7).
    expect(cellValue(cells, cell("kontanthjaelp", "total"), "persons")).toBe(2);
    expect(cellValue(cells, cell("kontanthjaelp", "total"), "fte")).toBe(1.2);
    expect(cellValue(cells, cell("sygedagpenge", "praktik"), "fte")).toBe(0.3); // 10/31
    // Target-group total: person 1's days 1–10 under both groups count once → 38/31.
    expect(cellValue(cells, cell("total", "praktik"), "fte")).toBe(1.2);
    expect(cellValue(cells, cell("total", "total"), "persons")).toBe(2);
    expect(cellValue(cells, cell("total", "total"), "fte")).toBe(1.2);
  });

  it("splits an offer over the turn of the year and counts only days from the first published month", async () => {
    const cells = await buildTableForTest(
      activation,
      {
        activation_offers: [
          offer(1, "851", "loentilskud_privat", "dagpenge", "2023-12-20", "2024-01-10"), // 12 + 10 days
          offer(2, "851", "loentilskud_privat", "dagpenge", "2023-11-01", "2023-12-02"), // 2 days in December
          offer(3, "851", "loentilskud_privat", "dagpenge", "2023-10-01", "2023-11-30"), // before the first month
        ],
      },
      { firstMonth: "2023M12", throughMonth: "2024M01" },
    );
    const cell = (period: string) => at(period, "851", "dagpenge", "loentilskud_privat");
    expect(cellValue(cells, cell("2023M12"), "persons")).toBe(2);
    expect(cellValue(cells, cell("2023M12"), "fte")).toBe(0.5); // (12 + 2) / 31 = 0.45…
    expect(cellValue(cells, cell("2024M01"), "persons")).toBe(1);
    expect(cellValue(cells, cell("2024M01"), "fte")).toBe(0.3); // 10/31 = 0.32…
    expect(cellValue(cells, at("2024M01", "1081", "total", "total"), "persons")).toBe(1);
  });

  it("divides activated fte by the target group's recipient fte in the area, '-' without recipients", async () => {
    const recipient = (id: number, benefit: string, end: string | null, degree: number) => ({
      ...person(id),
      benefit,
      municipality: "101",
      start: "2024-04-01",
      end,
      degree,
    });
    const cells = await buildTableForTest(
      activation,
      {
        // April has 30 days. Kontanthjælp: 30 + 30 × 0.5 = 45 degree-days → 1.5; all benefits: 75 → 2.5.
        benefit_periods: [
          recipient(1, "kontanthjaelp", "2024-04-30", 1),
          recipient(2, "kontanthjaelp", null, 0.5),
          recipient(3, "sygedagpenge", "2024-04-30", 1),
        ],
        activation_offers: [
          offer(1, "101", "praktik", "kontanthjaelp", "2024-04-01", "2024-04-15"), // 15 days → 0.5
          offer(4, "101", "praktik", "ledighedsydelse", "2024-04-01", "2024-04-30"), // 30 days → 1.0
        ],
      },
      { firstMonth: "2024M04", throughMonth: "2024M04" },
    );
    const cell = (area: string, targetGroup: string, type: string) => at("2024M04", area, targetGroup, type);
    expect(cellValue(cells, cell("101", "kontanthjaelp", "praktik"), "activation_rate")).toBe(33.3); // 0.5/1.5
    expect(cellValue(cells, cell("101", "kontanthjaelp", "total"), "activation_rate")).toBe(33.3);
    expect(cellValue(cells, cell("1084", "kontanthjaelp", "praktik"), "activation_rate")).toBe(33.3);
    // Recipients but no offers of the type: 0, not "-".
    expect(cellValue(cells, cell("101", "kontanthjaelp", "vejledning"), "activation_rate")).toBe(0);
    expect(cellStatus(cells, cell("101", "kontanthjaelp", "vejledning"), "activation_rate")).toBe("");
    expect(cellValue(cells, cell("101", "sygedagpenge", "total"), "activation_rate")).toBe(0);
    // Target group total against all recipients: (15 + 30) / 30 = 1.5 activated ÷ 2.5 → 60 %.
    expect(cellValue(cells, cell("101", "total", "total"), "activation_rate")).toBe(60);
    // No recipients of ledighedsydelse, and none at all in 147: the rate does not apply.
    expect(cellValue(cells, cell("101", "ledighedsydelse", "praktik"), "fte")).toBe(1);
    expect(cellStatus(cells, cell("101", "ledighedsydelse", "praktik"), "activation_rate")).toBe("-");
    expect(cellStatus(cells, cell("147", "kontanthjaelp", "praktik"), "activation_rate")).toBe("-");
  });
});
