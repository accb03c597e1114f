// The shape of a published table's definition: metadata (titles, dimensions, measures, footnotes)
// and the SQL that computes its cells from the prepared build tables. One file per table, all of
// this shape; the catalogue validates them once when loaded.
import type { PeriodKind } from "../../reference/periods.ts";

export interface Label {
  readonly da: string;
  readonly en: string;
}

export interface CodeDef {
  readonly code: string;
  readonly label: Label;
}

export type DimensionKind =
  /** Periods present in the release, of the kinds the table offers. */
  | "period"
  /** DK, regions, RAR areas, job centres and municipalities (plus `extraCodes`, e.g. `ukendt`). */
  | "area"
  /** A fixed code list (`codes`), whose `total` code is computed from microdata. */
  | "code";

export interface DimensionDef {
  readonly id: string;
  readonly kind: DimensionKind;
  readonly label: Label;
  /** The codes of a "code" dimension, `total` included (first or last as published). */
  readonly codes?: readonly CodeDef[];
  /** Extra area codes beyond the area hierarchy (e.g. `ukendt` for unknown workplace). */
  readonly extraCodes?: readonly CodeDef[];
  /** Area levels offered (default: all). */
  readonly areaLevels?: readonly ("country" | "region" | "rar" | "jobcentre" | "municipality")[];
}

export type Unit =
  | "persons"
  | "fte"
  | "dkk"
  | "percent"
  | "count"
  | "weeks"
  | "hours"
  | "rank"
  | "code"
  /** A dimensionless number (a model statistic, a distance in standard deviations). */
  | "number";

export interface MeasureDef {
  readonly id: string;
  readonly label: Label;
  readonly definition: Label;
  readonly unit: Unit;
  /** Decimals at publication (rounding happens only then). */
  readonly decimals: number;
  /** Whether a higher value is better (null where neither is). */
  readonly higherIsBetter: boolean | null;
  /** A cell without data: 0 for counts and sums, "-" (not applicable) for rates and shares. */
  readonly whenEmpty: "zero" | "not_applicable";
}

export interface TableDef {
  readonly id: string;
  readonly title: Label;
  readonly subject: string;
  readonly description: Label;
  readonly periodKinds: readonly PeriodKind[];
  /** Dimensions in published order: period, area, then the others. */
  readonly dimensions: readonly DimensionDef[];
  readonly measures: readonly MeasureDef[];
  /** The count measures whose small values make a cell sensitive (disclosure control). */
  readonly primaryCounts: readonly string[];
  readonly footnotes: readonly Label[];
  /** What an attacker can derive about the cells (secondary suppression and audit; src/disclosure/). */
  readonly disclosure?: DisclosureDef;
  /**
   * SQL returning one row per non-empty cell: a VARCHAR column per dimension id (codes) and a DOUBLE
   * column per measure id (unrounded). It reads the prepared build tables (see prepare/).
   */
  readonly sql: string;
}

/**
 * How a measure's total relates to its parts along one dimension, as the definitions make it hold
 * (src/disclosure/DESIGN.md): `sum` total = Σ parts; `mean` (periods only) total × days = Σ part ×
 * days; `union` distinct units: each part ≤ total ≤ Σ parts; `subsum` total ≤ Σ parts; `none`.
 */
export type RelationKind = "sum" | "mean" | "union" | "subsum" | "none";

export interface DisclosureDef {
  /** `flow`: a quarter or year covers its months; `stock`: its value is that of its last month. */
  readonly periods: "flow" | "stock";
  /** Per measure taking part in linear relations: its relation along every dimension. */
  readonly relations: Readonly<Record<string, Readonly<Record<string, RelationKind>>>>;
  /**
   * The table whose cells equal this table's cells where every extra dimension is `total` (the
   * shared margin); linked tables are protected together.
   */
  readonly linkedWith?: string;
  /**
   * Dimensions whose code is a person's state on the period's last day (age band). A person can change
   * band between a month's last day and its quarter's, so along periods no relation follows from the
   * definitions on a line where such a dimension is not `total`, even where the values happen to fit.
   */
  readonly periodEnd?: readonly string[];
  /** Ratio measures and the count of the same cell that is their denominator (null: none published). */
  readonly ratios?: Readonly<Record<string, string | null>>;
  /**
   * Dominance (p %-rule) input: SQL with the table's dimension columns and `largest`, the largest
   * single contribution (person) to `measure` in the cell, from microdata.
   */
  readonly dominance?: { readonly measure: string; readonly sql: string };
}
