// `benchmark-akasse`: each a-kasse per quarter and rolling 12 months against the national value —
// dagpenge recipients, interviews held on time, exits to job 3 and 6 months after the exit and the
// median length of ended dagpenge spells, each with the national value, the difference from it and
// the a-kasse's rank among the a-kasser. Definitions are those of `recipients-akasse`, `interviews`
// and `outcomes`; the figures come from the benchmark stage's `bm_akasse` (src/benchmark/akasse.ts).
import { AKASSE_INDICATORS, akasseColumns } from "../../benchmark/akasse.ts";
import { periodDimension } from "../dimensions.ts";
import { akasseDimension } from "../dimensions-extra.ts";
import { notApplicableMeasure } from "../measures.ts";
import type { Label, MeasureDef, TableDef } from "./types.ts";

interface IndicatorText {
  readonly label: Label;
  readonly definition: Label;
  readonly unit: MeasureDef["unit"];
  readonly decimals: number;
  readonly higherIsBetter: boolean | null;
}

const TEXT: Readonly<Record<string, IndicatorText>> = {
  persons: {
    label: { da: "Dagpengemodtagere", en: "Dagpenge recipients" },
    definition: {
      da: "Forskellige personer med mindst én dag på dagpenge i perioden med a-kassen på ydelsesperioden.",
      en: "Distinct persons with at least one day of dagpenge in the period with the a-kasse on the benefit period.",
    },
    unit: "persons",
    decimals: 0,
    higherIsBetter: null,
  },
  fte: {
    label: { da: "Fuldtidspersoner på dagpenge", en: "Full-time persons on dagpenge" },
    definition: {
      da: "Dage × ydelsesgrad ÷ dage i perioden, som i tabellen over modtagere efter a-kasse.",
      en: "Days × degree ÷ days in the period, as in the table of recipients by a-kasse.",
    },
    unit: "fte",
    decimals: 1,
    higherIsBetter: null,
  },
  on_time_rate: {
    label: { da: "Rettidige samtaler (pct.)", en: "Interviews held on time (%)" },
    definition: {
      da: "A-kassens samtaler afholdt senest på fristen ÷ dens samtaler med en frist × 100, som i tabellen over samtaler.",
      en: "The a-kasse's interviews held on or before the due date ÷ its interviews with a due date × 100, as in the interviews table.",
    },
    unit: "percent",
    decimals: 1,
    higherIsBetter: true,
  },
  job_3m: {
    label: { da: "I job 3 måneder efter afgang (pct.)", en: "In work 3 months after exit (%)" },
    definition: {
      da: "Afsluttede dagpengeforløb, hvor personen er i job 3 måneder efter afgangsmåneden, ÷ afsluttede forløb × 100 (status som i tabellen over status efter afgang).",
      en: "Ended dagpenge spells whose person is in work 3 months after the month of exit ÷ ended spells × 100 (status as in the status-after-exit table).",
    },
    unit: "percent",
    decimals: 1,
    higherIsBetter: true,
  },
  job_6m: {
    label: { da: "I job 6 måneder efter afgang (pct.)", en: "In work 6 months after exit (%)" },
    definition: {
      da: "Som for 3 måneder, 6 måneder efter afgangsmåneden.",
      en: "As for 3 months, 6 months after the month of exit.",
    },
    unit: "percent",
    decimals: 1,
    higherIsBetter: true,
  },
  median_weeks: {
    label: {
      da: "Varighed af afsluttede forløb, median (uger)",
      en: "Length of ended spells, median (weeks)",
    },
    definition: {
      da: "Medianen af (sidste dag − første dag + 1) ÷ 7 over dagpengeforløb, der sluttede i perioden.",
      en: "Median of (last day − first day + 1) ÷ 7 over dagpenge spells that ended in the period.",
    },
    unit: "weeks",
    decimals: 1,
    higherIsBetter: false,
  },
};

function indicatorMeasures(id: string): MeasureDef[] {
  const t = TEXT[id] as IndicatorText;
  const indicator = AKASSE_INDICATORS.find((i) => i.id === id);
  const base = { unit: t.unit, decimals: t.decimals, whenEmpty: "not_applicable" as const };
  return [
    { ...base, id, label: t.label, definition: t.definition, higherIsBetter: t.higherIsBetter },
    {
      ...base,
      id: `${id}_national`,
      label: { da: `${t.label.da}, hele landet`, en: `${t.label.en}, national` },
      definition: {
        da: "Samme mål for alle dagpengemodtagere i landet, også dem uden oplyst a-kasse.",
        en: "The same measure for all dagpenge recipients in the country, including those without an a-kasse.",
      },
      higherIsBetter: null,
    },
    ...(indicator?.difference
      ? [
          {
            ...base,
            id: `${id}_difference`,
            label: { da: `${t.label.da}, forskel fra landet`, en: `${t.label.en}, difference from national` },
            definition: {
              da: "A-kassens værdi − landets værdi.",
              en: "The a-kasse's value − the national value.",
            },
            higherIsBetter: t.higherIsBetter,
          },
        ]
      : []),
    {
      id: `${id}_rank`,
      label: { da: `${t.label.da}, placering`, en: `${t.label.en}, rank` },
      definition: {
        da: `Placering blandt a-kasserne; 1 = ${t.higherIsBetter === false ? "laveste" : "højeste"} værdi.`,
        en: `Rank among the a-kasser; 1 = the ${t.higherIsBetter === false ? "lowest" : "highest"} value.`,
      },
      unit: "rank",
      decimals: 0,
      higherIsBetter: null,
      whenEmpty: "not_applicable",
    },
  ];
}

const caseCount = (id: string, label: Label, definition: Label): MeasureDef =>
  notApplicableMeasure(id, "count", 0, label, definition);

export const benchmarkAkasse: TableDef = {
  id: "benchmark-akasse",
  title: { da: "Benchmark af a-kasser", en: "Benchmark of a-kasser" },
  subject: "benchmark",
  description: {
    da: "A-kassernes dagpengemodtagere, rettidighed, afgange til job og forløbenes varighed sammenlignet med landet.",
    en: "The a-kasser's dagpenge recipients, interviews on time, exits to work and spell lengths compared with the country.",
  },
  periodKinds: ["quarter", "rolling"],
  dimensions: [periodDimension, akasseDimension],
  measures: [
    ...AKASSE_INDICATORS.flatMap((i) => indicatorMeasures(i.id)),
    caseCount(
      "interviews",
      { da: "Samtaler med frist", en: "Interviews with a due date" },
      {
        da: "Samtaler afholdt af a-kassen i perioden med en frist: grundlaget for rettidigheden.",
        en: "Interviews held by the a-kasse in the period with a due date: the base of the on-time share.",
      },
    ),
    caseCount(
      "exits",
      { da: "Afsluttede dagpengeforløb", en: "Ended dagpenge spells" },
      {
        da: "Dagpengeforløb, der sluttede i perioden, hos a-kassen på forløbets sidste ydelsesperiode: grundlaget for afgange til job og varighed.",
        en: "Dagpenge spells that ended in the period, at the a-kasse of the spell's last benefit period: the base of exits to work and length.",
      },
    ),
  ],
  primaryCounts: ["persons", "interviews", "exits"],
  // A-kasse is required on dagpenge and on a-kasse interviews, so `total` is made of the a-kasser:
  // interviews and exits (each in one a-kasse and one quarter) add up; persons are distinct (a union,
  // also over the quarters of a rolling window); full-time persons average over the days.
  disclosure: {
    periods: "flow",
    relations: {
      persons: { period: "union", akasse: "union" },
      fte: { period: "mean", akasse: "union" },
      interviews: { period: "sum", akasse: "sum" },
      exits: { period: "sum", akasse: "sum" },
    },
  },
  footnotes: [
    {
      da: "A-kasser med færre end minimumsantallet af dagpengemodtagere (normalt 10) i perioden får ingen placering. A-kasse i alt er hele landet.",
      en: "A-kasser with fewer than the minimum number of dagpenge recipients (normally 10) in the period are not ranked. A-kasse total is the whole country.",
    },
    {
      da: "For modtagere og fuldtidspersoner er landets værdi summen over alle, så ingen forskel vises. Afgange til job vises som -, hvor horisonten ligger efter datamåneden for periodens sidste måned.",
      en: "For recipients and full-time persons the national value is the sum over everyone, so no difference is shown. Exits to work are -, where the horizon lies after the data month for the period's last month.",
    },
  ],
  sql: `SELECT period, akasse, ${akasseColumns().join(", ")} FROM bm_akasse`,
};
