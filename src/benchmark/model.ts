// The benchmark of one rolling window, in plain numbers (no I/O): for each benefit group a weighted
// least-squares model of the share on benefits (full-time persons ÷ residents 16–66, %) on the
// standardised framework variables at municipality level, calibrated to the national total; the same
// expected persons summed to job centres (a linear model on population-weighted job-centre variables
// gives exactly that sum); clusters and peers by framework conditions; ranks by the difference from
// expected. Areas below the minimum number of persons are left out of the fit and the ranks.
import { calibrate } from "./calibrate.ts";
import { kMeans } from "./clusters.ts";
import type { BenchmarkConfig } from "./config.ts";
import { nearestNeighbours } from "./neighbours.ts";
import { rankValues, rankWithinGroups } from "./ranks.ts";
import { type Scale, scaleOf, standardise } from "./standardise.ts";
import type { GroupFit, MissingVariable, SkippedWindow, TermFit, WindowModel } from "./types.ts";
import { fitWls } from "./wls.ts";

export interface MunicipalityInput {
  readonly code: string;
  readonly jobCentre: string;
  /** Residents aged 16–66 in the window's year (null: not delivered). */
  readonly residents: number | null;
  /** Framework variable → value in the vintage year. */
  readonly values: ReadonlyMap<string, number>;
}

export interface GroupInput {
  readonly group: string;
  /** Municipality → full-time persons in the window. */
  readonly fte: ReadonlyMap<string, number>;
  /** Area (municipality, job centre, `DK`) → distinct persons with at least one day in the window. */
  readonly persons: ReadonlyMap<string, number>;
}

export interface WindowInput {
  readonly period: string;
  /** Year of the framework conditions used (null: none delivered). */
  readonly frameworkYear: number | null;
  readonly populationYear: number | null;
  /** All municipalities, in reference order. */
  readonly municipalities: readonly MunicipalityInput[];
  /** Benefit groups; the first one orders the cluster numbers (use `total`). */
  readonly groups: readonly GroupInput[];
}

export type AreaLevel = "country" | "jobcentre" | "municipality";

export interface BenchmarkCell {
  readonly period: string;
  readonly area: string;
  readonly level: AreaLevel;
  readonly group: string;
  readonly persons: number;
  readonly residents: number;
  readonly actualPersons: number;
  readonly expectedPersons: number;
  readonly actual: number;
  readonly expected: number;
  readonly cluster: number | null;
  readonly rank: number | null;
  readonly rankInCluster: number | null;
}

export interface PeerRow {
  readonly period: string;
  readonly area: string;
  readonly peer: string;
  readonly peerRank: number;
  readonly distance: number;
  readonly residents: number;
}

export interface WindowResult {
  readonly cells: readonly BenchmarkCell[];
  readonly peers: readonly PeerRow[];
  readonly model: WindowModel | null;
  readonly skipped: SkippedWindow | null;
}

interface Area {
  readonly code: string;
  readonly level: AreaLevel;
  /** Indexes of its municipalities in the input. */
  readonly members: readonly number[];
  readonly residents: number;
  /** Standardised framework variables (population-weighted over the members). */
  readonly z: readonly number[];
}

/** Variables lacking for some municipality, and municipalities without residents. */
function missingValues(input: WindowInput, variables: readonly string[]): MissingVariable[] {
  const missing: MissingVariable[] = [];
  for (const variable of variables) {
    const lacking = input.municipalities
      .filter((m) => !Number.isFinite(m.values.get(variable)))
      .map((m) => m.code);
    if (lacking.length > 0) missing.push({ variable, municipalities: lacking });
  }
  const noResidents = input.municipalities.filter((m) => !(m.residents !== null && m.residents > 0));
  if (noResidents.length > 0)
    missing.push({ variable: "residents", municipalities: noResidents.map((m) => m.code) });
  return missing;
}

/** Municipalities, then job centres (population-weighted variables), in first-appearance order. */
function areasOf(input: WindowInput, variables: readonly string[], scales: readonly Scale[]): Area[] {
  const munis = input.municipalities;
  const zOf = (members: readonly number[]): number[] => {
    const total = members.reduce((s, i) => s + (munis[i]?.residents as number), 0);
    return variables.map((v, j) => {
      const raw =
        members.reduce(
          (s, i) => s + (munis[i]?.residents as number) * (munis[i]?.values.get(v) as number),
          0,
        ) / total;
      return standardise(raw, scales[j] as Scale);
    });
  };
  const municipalities: Area[] = munis.map((m, i) => ({
    code: m.code,
    level: "municipality",
    members: [i],
    residents: m.residents as number,
    z: zOf([i]),
  }));
  const centres = new Map<string, number[]>();
  munis.forEach((m, i) => {
    centres.set(m.jobCentre, [...(centres.get(m.jobCentre) ?? []), i]);
  });
  const jobCentres: Area[] = [...centres].map(([code, members]) => ({
    code,
    level: "jobcentre",
    members,
    residents: members.reduce((s, i) => s + (munis[i]?.residents as number), 0),
    z: zOf(members),
  }));
  return [...jobCentres, ...municipalities];
}

interface LevelGroups {
  readonly areas: readonly Area[];
  /** Cluster index (0-based, not yet renumbered) per area. */
  readonly clusters: readonly number[];
}

/** Renumbers clusters 1..k by the mean expected share of their members (1 = the lowest). */
function renumber(level: LevelGroups, expectedShare: (area: Area) => number): number[] {
  const ids = [...new Set(level.clusters)];
  const keyOf = new Map(
    ids.map((id) => {
      const members = level.areas.filter((_, i) => level.clusters[i] === id);
      const mean = members.reduce((s, a) => s + expectedShare(a), 0) / members.length;
      return [id, { mean, first: level.clusters.indexOf(id) }];
    }),
  );
  const order = [...ids].sort((a, b) => {
    const ka = keyOf.get(a) as { mean: number; first: number };
    const kb = keyOf.get(b) as { mean: number; first: number };
    return ka.mean - kb.mean || ka.first - kb.first;
  });
  return level.clusters.map((c) => order.indexOf(c) + 1);
}

export function benchmarkWindow(input: WindowInput, config: BenchmarkConfig): WindowResult {
  const { period } = input;
  const none = { cells: [], peers: [], model: null };
  if (input.frameworkYear === null)
    return { ...none, skipped: { period, reason: "no_framework_conditions" } };
  const missing = missingValues(input, config.variables);
  if (missing.length > 0) return { ...none, skipped: { period, reason: "missing_values", missing } };

  const munis = input.municipalities;
  const weights = munis.map((m) => m.residents as number);
  const allScales = config.variables.map((v) =>
    scaleOf(
      munis.map((m) => m.values.get(v) as number),
      weights,
    ),
  );
  // A variable with the same value everywhere explains nothing and would make the design singular.
  const constantVariables = config.variables.filter((_, j) => !((allScales[j] as Scale).sd > 0));
  const variables = config.variables.filter((v) => !constantVariables.includes(v));
  const scales = allScales.filter((s) => s.sd > 0);
  const areas = areasOf(input, variables, scales);
  const levels: LevelGroups[] = (["jobcentre", "municipality"] as const).map((level) => {
    const inLevel = areas.filter((a) => a.level === level);
    const { assignment } = kMeans(
      inLevel.map((a) => a.z),
      { k: config.clusters, seed: config.seed },
    );
    return { areas: inLevel, clusters: assignment };
  });

  const municipalityZ = new Map(areas.filter((a) => a.level === "municipality").map((a) => [a.code, a.z]));
  const fits: GroupFit[] = [];
  const failed: string[] = [];
  const groupCells: { group: GroupInput; expectedOf: Map<string, number>; fit: GroupFit }[] = [];
  for (const group of input.groups) {
    const fte = munis.map((m) => group.fte.get(m.code) ?? 0);
    const share = fte.map((f, i) => (100 * f) / (weights[i] as number));
    const eligible = munis.map((m) => (group.persons.get(m.code) ?? 0) >= config.minPersons);
    const rows = munis.map((_, i) => i).filter((i) => eligible[i]);
    const design = (i: number): number[] => [1, ...(municipalityZ.get(munis[i]?.code as string) ?? [])];
    const wls = fitWls(
      rows.map(design),
      rows.map((i) => share[i] as number),
      rows.map((i) => weights[i] as number),
    );
    if (!wls) {
      failed.push(group.group);
      continue;
    }
    const predicted = munis.map((_, i) =>
      design(i).reduce((s, v, j) => s + v * (wls.coefficients[j] as number), 0),
    );
    const raw = predicted.map((p, i) => (p * (weights[i] as number)) / 100);
    const { factor, expected } = calibrate(fte, raw);
    const expectedOf = new Map<string, number>();
    munis.forEach((m, i) => {
      expectedOf.set(m.code, expected[i] as number);
    });
    const terms: TermFit[] = [
      {
        term: "intercept",
        coefficient: wls.coefficients[0] as number,
        se: wls.standardErrors[0] as number,
        mean: null,
        sd: null,
      },
      ...variables.map((v, j) => ({
        term: v,
        coefficient: wls.coefficients[j + 1] as number,
        se: wls.standardErrors[j + 1] as number,
        mean: (scales[j] as Scale).mean,
        sd: (scales[j] as Scale).sd,
      })),
    ];
    const excludedOf = (level: AreaLevel) =>
      areas
        .filter((a) => a.level === level && (group.persons.get(a.code) ?? 0) < config.minPersons)
        .map((a) => a.code);
    const fit: GroupFit = {
      group: group.group,
      n: rows.length,
      r2: wls.r2,
      calibration: factor,
      terms,
      excluded: { jobcentre: excludedOf("jobcentre"), municipality: excludedOf("municipality") },
    };
    fits.push(fit);
    groupCells.push({ group, expectedOf, fit });
  }
  if (groupCells.length === 0) return { ...none, skipped: { period, reason: "no_fit", groups: failed } };

  const sumOver = (values: ReadonlyMap<string, number>, area: Area): number =>
    area.members.reduce((s, i) => s + (values.get(munis[i]?.code as string) ?? 0), 0);
  // Clusters are numbered by the first group's expected share (the total of all benefits).
  const first = groupCells[0] as (typeof groupCells)[number];
  const clusterOf = new Map<string, number>();
  for (const level of levels) {
    const numbers = renumber(level, (a) => (100 * sumOver(first.expectedOf, a)) / a.residents);
    level.areas.forEach((a, i) => {
      clusterOf.set(a.code, numbers[i] as number);
    });
  }

  const cells: BenchmarkCell[] = [];
  for (const { group, expectedOf } of groupCells) {
    const totalResidents = weights.reduce((s, w) => s + w, 0);
    const totalActual = munis.reduce((s, m) => s + (group.fte.get(m.code) ?? 0), 0);
    // Calibrated: expected = actual nationally, by construction (not re-added, to avoid rounding noise).
    cells.push({
      period,
      area: "DK",
      level: "country",
      group: group.group,
      persons: group.persons.get("DK") ?? 0,
      residents: totalResidents,
      actualPersons: totalActual,
      expectedPersons: totalActual,
      actual: (100 * totalActual) / totalResidents,
      expected: (100 * totalActual) / totalResidents,
      cluster: null,
      rank: null,
      rankInCluster: null,
    });
    for (const level of levels) {
      const values = level.areas.map((a) => {
        const actualPersons = sumOver(group.fte, a);
        const expectedPersons = sumOver(expectedOf, a);
        const persons = group.persons.get(a.code) ?? 0;
        return {
          a,
          persons,
          actualPersons,
          expectedPersons,
          actual: (100 * actualPersons) / a.residents,
          expected: (100 * expectedPersons) / a.residents,
          eligible: persons >= config.minPersons,
        };
      });
      const rankable = values.map((v) => ({
        key: v.a.code,
        value: v.eligible ? v.actual - v.expected : null,
      }));
      const clusters = values.map((v) => clusterOf.get(v.a.code) ?? null);
      // Rank 1 = furthest below expected: the smallest (most negative) difference first.
      const ranks = rankValues(rankable, true);
      const inCluster = rankWithinGroups(rankable, clusters, true);
      values.forEach((v, i) => {
        cells.push({
          period,
          area: v.a.code,
          level: v.a.level,
          group: group.group,
          persons: v.persons,
          residents: v.a.residents,
          actualPersons: v.actualPersons,
          expectedPersons: v.expectedPersons,
          actual: v.actual,
          expected: v.expected,
          cluster: clusters[i] ?? null,
          rank: ranks[i] ?? null,
          rankInCluster: inCluster[i] ?? null,
        });
      });
    }
  }

  const peers: PeerRow[] = [];
  for (const level of levels) {
    const near = nearestNeighbours(
      level.areas.map((a) => a.z),
      config.neighbours,
    );
    level.areas.forEach((a, i) => {
      (near[i] ?? []).forEach((n, r) => {
        const peer = level.areas[n.index] as Area;
        peers.push({
          period,
          area: a.code,
          peer: peer.code,
          peerRank: r + 1,
          distance: n.distance,
          residents: peer.residents,
        });
      });
    });
  }

  const model: WindowModel = {
    period,
    vintage: { framework: input.frameworkYear, population: input.populationYear },
    constantVariables,
    fits,
  };
  return {
    cells,
    peers,
    model,
    skipped: failed.length > 0 ? { period, reason: "no_fit", groups: failed } : null,
  };
}
