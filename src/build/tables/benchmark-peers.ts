// `benchmark-peers`: for each job centre (and municipality) in each rolling window, its nearest peers
// of the same level by framework conditions: a cell per area and peer, with the peer's place 1..10 in
// the list and its distance; areas that are not among the nearest are "-". From `bm_peers`.
import { periodDimension } from "../dimensions.ts";
import type { DimensionDef, TableDef } from "./types.ts";

const LEVELS = ["jobcentre", "municipality"] as const;

export const benchmarkPeers: TableDef = {
  id: "benchmark-peers",
  title: { da: "Sammenlignelige jobcentre og kommuner", en: "Comparable job centres and municipalities" },
  subject: "benchmark",
  description: {
    da: "For hvert jobcenter og hver kommune de 10 nærmeste på samme niveau målt på de standardiserede rammevilkår.",
    en: "For each job centre and municipality the 10 nearest of the same level by the standardised framework conditions.",
  },
  periodKinds: ["rolling"],
  dimensions: [
    periodDimension,
    { id: "area", kind: "area", label: { da: "Område", en: "Area" }, areaLevels: LEVELS },
    {
      id: "peer",
      kind: "area",
      label: { da: "Sammenligneligt område", en: "Comparable area" },
      areaLevels: LEVELS,
    } satisfies DimensionDef,
  ],
  measures: [
    {
      id: "peer_rank",
      label: { da: "Nærhed (1 = nærmest)", en: "Nearness (1 = nearest)" },
      definition: {
        da: "Områdets plads blandt de nærmeste; - når området ikke er blandt dem.",
        en: "The area's place among the nearest; - when it is not among them.",
      },
      unit: "rank",
      decimals: 0,
      higherIsBetter: null,
      whenEmpty: "not_applicable",
    },
    {
      id: "distance",
      label: { da: "Afstand", en: "Distance" },
      definition: {
        da: "Euklidisk afstand mellem de to områders rammevilkår, hver målt i standardafvigelser over kommunerne (befolkningsvægtet).",
        en: "Euclidean distance between the two areas' framework conditions, each in standard deviations over the municipalities (population-weighted).",
      },
      unit: "number",
      decimals: 3,
      higherIsBetter: null,
      whenEmpty: "not_applicable",
    },
    {
      id: "residents",
      label: {
        da: "Indbyggere 16-66 år i det sammenlignelige område",
        en: "Residents aged 16-66 of the comparable area",
      },
      definition: {
        da: "Indbyggere 16-66 år i det sammenlignelige område i periodens år.",
        en: "Residents aged 16-66 of the comparable area in the period's year.",
      },
      unit: "persons",
      decimals: 0,
      higherIsBetter: null,
      whenEmpty: "not_applicable",
    },
  ],
  primaryCounts: ["residents"],
  footnotes: [
    {
      da: "Jobcentre sammenlignes med jobcentre, kommuner med kommuner. Et jobcenters rammevilkår er befolkningsvægtede gennemsnit over dets kommuner.",
      en: "Job centres are compared with job centres, municipalities with municipalities. A job centre's framework conditions are population-weighted means over its municipalities.",
    },
  ],
  sql: "SELECT period, area, peer, peer_rank, distance, residents FROM bm_peers",
};
