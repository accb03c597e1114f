// `benchmark`: each job centre's and municipality's actual share of residents 16–66 on benefits
// (full-time persons) against the share expected from its framework conditions, with the difference,
// its cluster of areas with similar conditions and its ranks (CONTRACT.md §5; src/benchmark/). The
// figures come from the benchmark stage's temp table `bm_cells`; a skipped window is "-" throughout.
import { BENEFIT_GROUPS } from "../../benchmark/groups.ts";
import { periodDimension } from "../dimensions.ts";
import { FTE, notApplicableMeasure } from "../measures.ts";
import type { DimensionDef, TableDef } from "./types.ts";

const measure = notApplicableMeasure;

/** Benefit groups of the benchmark, `total` (all benefits) first. */
export const benefitGroupDimension: DimensionDef = {
  id: "benefit_group",
  kind: "code",
  label: { da: "Ydelsesgruppe", en: "Benefit group" },
  codes: BENEFIT_GROUPS.map((g) => ({ code: g.code, label: g.label })),
};

/** Job centres and municipalities, with DK as the national reference (where expected = actual). */
export const benchmarkAreaDimension: DimensionDef = {
  id: "area",
  kind: "area",
  label: { da: "Område", en: "Area" },
  areaLevels: ["country", "jobcentre", "municipality"],
};

export const benchmark: TableDef = {
  id: "benchmark",
  title: { da: "Benchmark af jobcentre og kommuner", en: "Benchmark of job centres and municipalities" },
  subject: "benchmark",
  description: {
    da: "Faktisk andel af befolkningen 16-66 år på offentlig forsørgelse (fuldtidspersoner) sammenlignet med den forventede ud fra rammevilkårene, efter ydelsesgruppe, i løbende 12 måneder.",
    en: "Actual share of residents aged 16-66 on public benefits (full-time persons) compared with the share expected from the framework conditions, by benefit group, over rolling 12 months.",
  },
  periodKinds: ["rolling"],
  dimensions: [periodDimension, benchmarkAreaDimension, benefitGroupDimension],
  measures: [
    measure(
      "actual",
      "percent",
      2,
      { da: "Faktisk andel (pct.)", en: "Actual share (%)" },
      {
        da: "Fuldtidspersoner i ydelsesgruppen ÷ indbyggere 16-66 år × 100.",
        en: "Full-time persons in the benefit group ÷ residents aged 16-66 × 100.",
      },
      false,
    ),
    measure(
      "expected",
      "percent",
      2,
      { da: "Forventet andel (pct.)", en: "Expected share (%)" },
      {
        da: "Andelen, som rammevilkårene forudsiger (vægtet mindste kvadraters model over kommunerne, kalibreret så forventede og faktiske fuldtidspersoner er lige mange i hele landet).",
        en: "The share the framework conditions predict (weighted least-squares model over the municipalities, calibrated so expected and actual full-time persons are equal nationally).",
      },
    ),
    measure(
      "difference",
      "percent",
      2,
      { da: "Forskel (procentpoint)", en: "Difference (percentage points)" },
      { da: "Faktisk andel − forventet andel.", en: "Actual share − expected share." },
      false,
    ),
    measure(
      "cluster",
      "code",
      0,
      { da: "Klynge", en: "Cluster" },
      {
        da: "Klynge af områder på samme niveau med lignende rammevilkår (k-means på de standardiserede rammevilkår); klynge 1 har den laveste gennemsnitlige forventede andel for alle ydelser.",
        en: "Cluster of areas of the same level with similar framework conditions (k-means on the standardised framework variables); cluster 1 has the lowest mean expected share for all benefits.",
      },
    ),
    measure(
      "rank_in_cluster",
      "rank",
      0,
      { da: "Placering i klyngen", en: "Rank in the cluster" },
      {
        da: "1 = længst under det forventede blandt klyngens områder med mindst minimumsantallet af personer.",
        en: "1 = furthest below expected among the cluster's areas with at least the minimum number of persons.",
      },
    ),
    measure(
      "rank",
      "rank",
      0,
      { da: "Placering i landet", en: "National rank" },
      {
        da: "1 = længst under det forventede blandt alle jobcentre (eller kommuner) med mindst minimumsantallet af personer.",
        en: "1 = furthest below expected among all job centres (or municipalities) with at least the minimum number of persons.",
      },
    ),
    {
      ...FTE,
      id: "actual_persons",
      label: { da: "Faktiske fuldtidspersoner", en: "Actual full-time persons" },
      whenEmpty: "not_applicable",
    },
    measure(
      "expected_persons",
      "fte",
      1,
      { da: "Forventede fuldtidspersoner", en: "Expected full-time persons" },
      {
        da: "Forventet andel × indbyggere 16-66 år ÷ 100.",
        en: "Expected share × residents aged 16-66 ÷ 100.",
      },
    ),
    measure(
      "difference_persons",
      "fte",
      1,
      { da: "Forskel (fuldtidspersoner)", en: "Difference (full-time persons)" },
      { da: "Faktiske − forventede fuldtidspersoner.", en: "Actual − expected full-time persons." },
      false,
    ),
    measure(
      "persons",
      "persons",
      0,
      { da: "Personer i målgruppen", en: "Persons in the target group" },
      {
        da: "Forskellige personer med mindst én dag i ydelsesgruppen i perioden. Områder med færre end minimumsantallet (normalt 10) indgår ikke i model og placeringer.",
        en: "Distinct persons with at least one day in the benefit group in the period. Areas with fewer than the minimum (normally 10) are left out of the model and the ranks.",
      },
    ),
    measure(
      "residents",
      "persons",
      0,
      { da: "Indbyggere 16-66 år", en: "Residents aged 16-66" },
      {
        da: "Indbyggere 16-66 år i området i periodens år (som nævneren i tabellen over modtagere).",
        en: "Residents aged 16-66 of the area in the period's year (the denominator of the recipients table).",
      },
    ),
  ],
  primaryCounts: ["persons"],
  // What an attacker can add up: full-time persons of municipalities make their job centre's and DK's
  // (each day belongs to one municipality), persons are distinct (a union). Overlapping windows and
  // benefit groups (the total is not the sum of the groups) give no relation. The expected values
  // come from public framework data and the published model, so they need no protection of their own.
  disclosure: {
    periods: "flow",
    relations: {
      persons: { period: "none", area: "union", benefit_group: "none" },
      actual_persons: { period: "none", area: "sum", benefit_group: "none" },
    },
  },
  footnotes: [
    {
      da: "Modellen estimeres for hver løbende 12-måneders periode og ydelsesgruppe på kommunerne, vægtet med indbyggere 16-66 år. Jobcentrenes forventede fuldtidspersoner er summen over deres kommuner. Koefficienterne findes i tabellen benchmark-model.",
      en: "The model is fitted for each rolling 12-month window and benefit group on the municipalities, weighted by residents aged 16-66. A job centre's expected full-time persons are the sum over its municipalities. The coefficients are in the table benchmark-model.",
    },
    {
      da: "Alle ydelser er alle ydelser tilsammen (en dag tæller én gang, ydelsesgrader lagt sammen med højst 1), ikke summen af de tre grupper. Kontanthjælp mv. er summen af kontanthjælp, uddannelseshjælp og selvforsørgelsesydelse.",
      en: "All benefits is every benefit together (a day counts once, degrees added and capped at 1), not the sum of the three groups. Social assistance etc. is the sum of social assistance, education assistance and self-support benefit.",
    },
    {
      da: "Mangler et rammevilkår for en kommune, beregnes perioden ikke (-); udgivelsesnoterne nævner kommuner og variable.",
      en: "When a framework variable is missing for a municipality, the window is not computed (-); the release notes name the municipalities and variables.",
    },
  ],
  sql: `
    SELECT period, area, benefit_group, actual, expected, actual - expected AS difference, cluster,
      rank_in_cluster, rank, actual_persons, expected_persons, actual_persons - expected_persons AS difference_persons,
      persons, residents
    FROM bm_cells`,
};
