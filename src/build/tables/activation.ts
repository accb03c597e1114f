// `activation`: persons in active labour-market offers, their full-time equivalent and the activation
// rate against recipients of the target group's benefit, by period, area, target group and offer type.
import { areaDimension, periodDimension } from "../dimensions.ts";
import { offerTypeDimension, targetGroupDimension } from "../dimensions-extra.ts";
import { personsByArea } from "../sql-areas.ts";
import {
  clippedEnd,
  daySegments,
  daysInPeriod,
  exactSum,
  PUBLISHED_KINDS_SQL,
  SPAN_SQL,
} from "../sql-days.ts";
import type { TableDef } from "./types.ts";

const offerTypeValues = (offerTypeDimension.codes ?? []).map((c) => `('${c.code}')`).join(", ");

export const activation: TableDef = {
  id: "activation",
  title: { da: "Personer i aktive tilbud", en: "Persons in active labour-market offers" },
  subject: "indsats",
  description: {
    da: "Personer og fuldtidspersoner i aktive tilbud og aktiveringsgraden efter område, målgruppe og tilbudstype.",
    en: "Persons and full-time persons in active offers and the activation rate by area, target group and type of offer.",
  },
  periodKinds: ["month", "quarter", "year"],
  dimensions: [periodDimension, areaDimension, targetGroupDimension, offerTypeDimension],
  measures: [
    {
      id: "persons",
      label: { da: "Personer", en: "Persons" },
      definition: {
        da: "Forskellige personer med et aktivt tilbud mindst én dag i perioden.",
        en: "Distinct persons with an active offer on at least one day of the period.",
      },
      unit: "persons",
      decimals: 0,
      higherIsBetter: null,
      whenEmpty: "zero",
    },
    {
      id: "fte",
      label: { da: "Fuldtidspersoner i tilbud", en: "Full-time persons in offers" },
      definition: {
        da: "Dage i tilbud ÷ antal dage i perioden. Overlappende tilbud til samme person tæller hver dag én gang.",
        en: "Days in offers ÷ days in the period. Overlapping offers of one person count each day once.",
      },
      unit: "fte",
      decimals: 1,
      higherIsBetter: null,
      whenEmpty: "zero",
    },
    {
      id: "activation_rate",
      label: { da: "Aktiveringsgrad (pct.)", en: "Activation rate (%)" },
      definition: {
        da: "Fuldtidspersoner i tilbud ÷ fuldtidspersoner på målgruppens ydelse i samme område og periode × 100.",
        en: "Full-time persons in offers ÷ full-time recipients of the target group's benefit in the same area and period × 100.",
      },
      unit: "percent",
      decimals: 1,
      higherIsBetter: true,
      whenEmpty: "not_applicable",
    },
  ],
  primaryCounts: ["persons"],
  footnotes: [
    {
      da: "Område er den kommune, der har givet tilbuddet. Tilbud uden slutdato regnes til udgangen af datamåneden.",
      en: "Area is the municipality that gave the offer. Offers without an end date run to the end of the data month.",
    },
    {
      da: "En dag med flere samtidige tilbud tæller én gang, også i totalerne over tilbudstyper og målgrupper; dagen henføres til kommunen for det senest startede tilbud.",
      en: "A day with several simultaneous offers counts once, also in the totals over types and target groups; the day belongs to the municipality of the latest-starting offer.",
    },
    {
      da: "Aktiveringsgraden for målgruppe i alt er i forhold til alle ydelsesmodtagere (ydelse i alt); den vises ikke (-), hvor der ingen modtagere er.",
      en: "The activation rate of the total target group is relative to all recipients (benefit total); it is not shown (-) where there are no recipients.",
    },
  ],
  disclosure: {
    periods: "flow",
    relations: {
      persons: { period: "union", area: "union", target_group: "union", offer_type: "union" },
      fte: { period: "mean", area: "sum", target_group: "union", offer_type: "union" },
    },
    ratios: { activation_rate: null },
  },
  // persons: presence — a person counts in every area where one of the cell's offers ran on a day of
  //   the period, so a total is the distinct count of the union of its parts.
  // fte: each person-day of a cell key (target group × type, either possibly `total`) is counted once
  //   and belongs to one municipality (the latest-starting covering offer, then the lowest code), so
  //   fte adds up across areas, and the rate's numerator and denominator both follow that rule.
  sql: `
    WITH span AS (${SPAN_SQL}),
    offers AS (
      SELECT o.person_id, o.municipality, o.target_group, o.offer_type, o.start AS s,
        ${clippedEnd('o."end"', "span.through")} AS e
      FROM in_activation_offers o, span
      WHERE o.start <= span.through AND coalesce(o."end", span.through) >= span.first_day
    ),
    keyed AS MATERIALIZED (
      SELECT o.person_id, o.municipality, o.s, o.e,
        CASE WHEN g.all_groups THEN 'total' ELSE o.target_group END AS target_group,
        CASE WHEN t.all_types THEN 'total' ELSE o.offer_type END AS offer_type
      FROM offers o, (VALUES (false), (true)) g(all_groups), (VALUES (false), (true)) t(all_types)
    ),
    present AS (
      SELECT p.period, k.municipality, k.target_group, k.offer_type, k.person_id
      FROM keyed k JOIN periods p ON p.first_day <= k.e AND p.last_day >= k.s
      WHERE p.kind IN (${PUBLISHED_KINDS_SQL})
    ),
    persons AS (SELECT * FROM ${personsByArea("present", ["period", "target_group", "offer_type"])}),
    owned AS (
      SELECT * FROM ${daySegments(
        "keyed",
        ["person_id", "target_group", "offer_type"],
        "arg_max(r.municipality, (r.s - DATE '1970-01-01') * 1000 - CAST(r.municipality AS INTEGER)) AS municipality",
      )}
    ),
    owned_days AS (
      SELECT p.period, o.municipality, o.target_group, o.offer_type, sum(${daysInPeriod("o.s", "o.e")}) AS days
      FROM owned o JOIN periods p ON p.first_day <= o.e AND p.last_day >= o.s
      WHERE p.kind IN (${PUBLISHED_KINDS_SQL})
      GROUP BY ALL
    ),
    fte AS (
      SELECT x.period, am.area, x.target_group, x.offer_type, sum(x.days) / any_value(p.days) AS fte
      FROM owned_days x JOIN area_map am ON am.municipality = x.municipality JOIN periods p USING (period)
      GROUP BY ALL
    ),
    recipient_months AS (
      SELECT benefit, municipality, month, ${exactSum("dd")} AS dd FROM pm GROUP BY ALL
    ),
    recipients AS (
      SELECT pmo.period, am.area, r.benefit AS target_group, CAST(sum(r.dd) AS DOUBLE) / any_value(p.days) AS fte
      FROM recipient_months r
      JOIN period_months pmo ON pmo.month = r.month
      JOIN periods p ON p.period = pmo.period
      JOIN area_map am ON am.municipality = r.municipality
      WHERE p.kind IN (${PUBLISHED_KINDS_SQL})
      GROUP BY ALL
    ),
    cells AS (
      SELECT period, area, target_group, offer_type FROM persons
      UNION SELECT r.period, r.area, r.target_group, t.offer_type
      FROM recipients r, (VALUES ${offerTypeValues}) AS t(offer_type)
      WHERE r.fte > 0
    )
    SELECT c.period, c.area, c.target_group, c.offer_type, coalesce(a.persons, 0) AS persons,
      coalesce(f.fte, 0) AS fte,
      CASE WHEN r.fte > 0 THEN 100.0 * coalesce(f.fte, 0) / r.fte END AS activation_rate
    FROM cells c
    LEFT JOIN persons a USING (period, area, target_group, offer_type)
    LEFT JOIN fte f USING (period, area, target_group, offer_type)
    LEFT JOIN recipients r USING (period, area, target_group)`,
};
