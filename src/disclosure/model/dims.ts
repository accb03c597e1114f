// One dimension of a table as disclosure control sees it: its codes, the groups (a total and the
// parts that make it up) an attacker knows, and the leaf codes each code covers. Built from code
// lists alone, so the build and the audit (which reads only release files) build the same thing.
import { areaByCode, municipalitiesIn } from "../../reference/areas.ts";
import { MUNICIPALITIES } from "../../reference/municipalities.ts";
import { monthsOf, parsePeriod } from "../../reference/periods.ts";

/** A total (`parent`) and parts (`children`) whose leaf sets partition the total's. */
export interface Group {
  readonly parent: number;
  readonly children: readonly number[];
}

export interface Dim {
  readonly id: string;
  readonly kind: "code" | "area" | "period";
  readonly codes: readonly string[];
  readonly groups: readonly Group[];
  /** Per code: the groups it appears in, as parent or child. */
  readonly groupsOf: readonly (readonly number[])[];
  /** Per code: the leaf codes it covers (a leaf covers itself). */
  readonly leaves: readonly (readonly number[])[];
  /** Per leaf code: the codes covering it (itself included); empty for non-leaves. */
  readonly covering: readonly (readonly number[])[];
  /** Days per code (periods only; 1 elsewhere), the weights of a `mean` relation. */
  readonly days: Float64Array;
}

/** Descendants of `code` (below it in any group), each once. */
export function descendants(dim: Dim, code: number): number[] {
  const out: number[] = [];
  const seen = new Set<number>([code]);
  const stack = [code];
  while (stack.length > 0) {
    const x = stack.pop() as number;
    for (const gi of dim.groupsOf[x] ?? []) {
      const g = dim.groups[gi];
      if (!g || g.parent !== x) continue;
      for (const ch of g.children)
        if (!seen.has(ch)) {
          seen.add(ch);
          out.push(ch);
          stack.push(ch);
        }
    }
  }
  return out;
}

function finish(
  kind: Dim["kind"],
  id: string,
  codes: readonly string[],
  groups: Group[],
  leafSets: number[][],
  days?: Float64Array,
): Dim {
  const groupsOf: number[][] = codes.map(() => []);
  groups.forEach((g, k) => {
    groupsOf[g.parent]?.push(k);
    for (const c of g.children) groupsOf[c]?.push(k);
  });
  const covering: number[][] = codes.map(() => []);
  leafSets.forEach((leaves, code) => {
    for (const leaf of leaves) covering[leaf]?.push(code);
  });
  return {
    kind,
    id,
    codes,
    groups,
    groupsOf,
    leaves: leafSets,
    covering,
    days: days ?? new Float64Array(codes.length).fill(1),
  };
}

/** A flat code list: `total` is the sum of the other codes. */
export function codeDim(id: string, codes: readonly string[]): Dim {
  const total = codes.indexOf("total");
  const parts = codes.map((_, i) => i).filter((i) => i !== total);
  const groups = total >= 0 && parts.length > 0 ? [{ parent: total, children: parts }] : [];
  return finish(
    "code",
    id,
    codes,
    groups,
    codes.map((_, i) => (i === total ? parts : [i])),
  );
}

/** A dimension without relations: every code stands alone. */
export function freeDim(id: string, codes: readonly string[]): Dim {
  return finish(
    "code",
    id,
    codes,
    [],
    codes.map((_, i) => [i]),
  );
}

const LEVEL_PARENT = new Map(
  MUNICIPALITIES.flatMap((m) => [
    [m.code, m.jobCentre],
    [m.jobCentre, m.rar],
    [m.rar, m.region],
    [m.region, "DK"],
  ]),
);

/**
 * Areas: municipality ⊂ job centre ⊂ RAR area ⊂ region ⊂ DK (a tree); a level the table leaves out is
 * skipped (a code's parent is its nearest present ancestor). Extra codes (`ukendt`) are parts of DK.
 */
export function areaDim(id: string, codes: readonly string[]): Dim {
  const index = new Map(codes.map((c, i) => [c, i]));
  const present = (c: string) => index.has(c);
  const parentOf = (code: string): number => {
    if (!areaByCode(code)) return code === "DK" ? -1 : (index.get("DK") ?? -1);
    let p = LEVEL_PARENT.get(code);
    while (p !== undefined && !present(p)) p = LEVEL_PARENT.get(p);
    return p === undefined ? -1 : (index.get(p) as number);
  };
  const children = new Map<number, number[]>();
  codes.forEach((c, i) => {
    const p = parentOf(c);
    if (p < 0) return;
    const list = children.get(p);
    if (list) list.push(i);
    else children.set(p, [i]);
  });
  const groups = [...children].map(([parent, kids]) => ({ parent, children: kids }));
  const muni = (c: string) => areaByCode(c)?.level === "municipality";
  const extra = codes.map((c, i) => (areaByCode(c) ? -1 : i)).filter((i) => i >= 0);
  const leafSets = codes.map((c, i) => {
    if (muni(c) || !areaByCode(c)) return [i];
    const mine = municipalitiesIn(c)
      .filter(present)
      .map((m) => index.get(m) as number);
    return c === "DK" ? [...mine, ...extra] : mine;
  });
  // An area with no municipality present (levels left out) covers its nearest present descendants.
  return finish(
    "area",
    id,
    codes,
    groups,
    leafSets.map((l, i) => (l.length > 0 ? l : [i])),
  );
}

/**
 * Periods. `flow`: a quarter is its three months, a year its four quarters, a rolling window its four
 * quarters, and a window of the same months as a year equals it. `stock`: a quarter or year is its
 * last month. Groups are formed only where every part is present.
 */
export function periodDim(id: string, codes: readonly string[], mode: "flow" | "stock"): Dim {
  const index = new Map(codes.map((c, i) => [c, i]));
  const periods = codes.map((c) => parsePeriod(c));
  const groups: Group[] = [];
  const monthIdx = (m: string) => index.get(m);
  const leafSets = periods.map((p, i) => {
    if (p.kind === "month") return [i];
    const months = monthsOf(p);
    const pick = mode === "flow" ? months : months.slice(-1);
    const ids = pick.map(monthIdx).filter((x): x is number => x !== undefined);
    return ids.length === pick.length ? ids : [i];
  });
  const quartersOf = (months: string[]) => {
    const out: number[] = [];
    for (let k = 0; k < months.length; k += 3) {
      const m = months[k] as string;
      const q = index.get(`${m.slice(0, 4)}K${Math.floor((Number(m.slice(5, 7)) - 1) / 3) + 1}`);
      if (q === undefined) return null;
      out.push(q);
    }
    return out;
  };
  periods.forEach((p, i) => {
    if (p.kind === "month") return;
    const months = monthsOf(p);
    if (mode === "stock") {
      const last = monthIdx(months[months.length - 1] as string);
      if (last !== undefined) groups.push({ parent: i, children: [last] });
      return;
    }
    const ms = months.map(monthIdx);
    const parts = p.kind === "quarter" ? null : quartersOf(months);
    if (parts) groups.push({ parent: i, children: parts });
    else if (ms.every((m) => m !== undefined)) groups.push({ parent: i, children: ms as number[] });
    if (p.kind === "rolling") {
      const year = index.get(String(p.year));
      if (year !== undefined && parsePeriod(String(p.year)).first === p.first)
        groups.push({ parent: i, children: [year] });
    }
  });
  return finish(
    "period",
    id,
    codes,
    groups,
    leafSets,
    Float64Array.from(periods, (p) => p.days),
  );
}
