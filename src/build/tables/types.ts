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

export type Unit = "persons" | "fte" | "dkk" | "percent" | "count" | "weeks" | "hours" | "rank" | "code";

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
  /**
   * SQL returning one row per non-empty cell: a VARCHAR column per dimension id (codes) and a DOUBLE
   * column per measure id (unrounded). It reads the prepared build tables (see prepare/).
   */
  readonly sql: string;
}
