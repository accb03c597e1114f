// The catalogue a release carries (`catalogue.json`): every table's metadata with the codes and
// labels of each dimension as published in that release, so the serving side needs nothing but the
// release folder to describe and validate queries.
import { AREAS } from "../reference/areas.ts";
import type { Period } from "../reference/periods.ts";
import type { CodeDef, DimensionDef, Label, MeasureDef, TableDef } from "./tables/types.ts";

export interface PublishedDimension {
  readonly id: string;
  readonly label: Label;
  readonly kind: DimensionDef["kind"];
  readonly codes: readonly (CodeDef & { readonly level?: string })[];
}

export interface PublishedTable {
  readonly id: string;
  readonly title: Label;
  readonly subject: string;
  readonly description: Label;
  readonly dimensions: readonly PublishedDimension[];
  readonly measures: readonly MeasureDef[];
  readonly footnotes: readonly Label[];
  readonly firstPeriod: string | null;
  readonly lastPeriod: string | null;
  readonly file: string;
}

const PERIOD_KIND_LABEL: Record<string, Label> = {
  month: { da: "Måned", en: "Month" },
  quarter: { da: "Kvartal", en: "Quarter" },
  year: { da: "År", en: "Year" },
  rolling: { da: "Løbende 12 måneder", en: "Rolling 12 months" },
};

function periodLabel(p: Period): Label {
  const kind = PERIOD_KIND_LABEL[p.kind] ?? { da: p.kind, en: p.kind };
  return { da: `${p.code} (${kind.da.toLowerCase()})`, en: `${p.code} (${kind.en.toLowerCase()})` };
}

function publishedCodes(
  table: TableDef,
  dim: DimensionDef,
  periods: readonly Period[],
): PublishedDimension["codes"] {
  switch (dim.kind) {
    case "period":
      return periods
        .filter((p) => table.periodKinds.includes(p.kind))
        .map((p) => ({ code: p.code, label: periodLabel(p) }));
    case "area": {
      const levels: readonly string[] = dim.areaLevels ?? [
        "country",
        "region",
        "rar",
        "jobcentre",
        "municipality",
      ];
      return [
        ...AREAS.filter((a) => levels.includes(a.level)).map((a) => ({
          code: a.code,
          label: a.label,
          level: a.level,
        })),
        ...(dim.extraCodes ?? []),
      ];
    }
    case "code":
      return dim.codes ?? [];
  }
}

export function publishedCatalogue(
  tables: readonly TableDef[],
  periods: readonly Period[],
): PublishedTable[] {
  return tables.map((t) => {
    const dimensions = t.dimensions.map((d) => ({
      id: d.id,
      label: d.label,
      kind: d.kind,
      codes: publishedCodes(t, d, periods),
    }));
    const periodCodes = dimensions[0]?.codes ?? [];
    return {
      id: t.id,
      title: t.title,
      subject: t.subject,
      description: t.description,
      dimensions,
      measures: t.measures,
      footnotes: t.footnotes,
      firstPeriod: periodCodes[0]?.code ?? null,
      lastPeriod: periodCodes[periodCodes.length - 1]?.code ?? null,
      file: `${t.id}.parquet`,
    };
  });
}
