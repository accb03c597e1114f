// `benchmark-model`: the published method of the benchmark — per rolling window and benefit group the
// coefficient and standard error of every term, the standardisation of each variable, and per fit
// (term `total`) R², the number of municipalities, the framework year used and the calibration factor.
// From `bm_model`; the release manifest holds the same model with its settings and id.
import { FRAMEWORK_VARIABLES } from "../../reference/codes.ts";
import { periodDimension, TOTAL } from "../dimensions.ts";
import { notApplicableMeasure } from "../measures.ts";
import { benefitGroupDimension } from "./benchmark.ts";
import type { DimensionDef, TableDef } from "./types.ts";

const measure = notApplicableMeasure;

export const termDimension: DimensionDef = {
  id: "term",
  kind: "code",
  label: { da: "Led i modellen", en: "Model term" },
  codes: [
    { code: "intercept", label: { da: "Konstantled", en: "Intercept" } },
    ...FRAMEWORK_VARIABLES.map((v) => ({ code: v.code, label: v.label })),
    { code: TOTAL.code, label: { da: "Modellen som helhed", en: "The model as a whole" } },
  ],
};

export const benchmarkModel: TableDef = {
  id: "benchmark-model",
  title: { da: "Benchmarkmodellen", en: "The benchmark model" },
  subject: "benchmark",
  description: {
    da: "Koefficienter, standardfejl og forklaringsgrad i modellen bag benchmarktabellen.",
    en: "Coefficients, standard errors and fit of the model behind the benchmark table.",
  },
  periodKinds: ["rolling"],
  dimensions: [periodDimension, benefitGroupDimension, termDimension],
  measures: [
    measure(
      "coefficient",
      "percent",
      3,
      { da: "Koefficient (procentpoint)", en: "Coefficient (percentage points)" },
      {
        da: "Ændring i andelen på ydelse ved én standardafvigelse højere værdi af rammevilkåret; for konstantleddet andelen ved gennemsnitlige rammevilkår.",
        en: "Change in the share on benefits for one standard deviation higher framework variable; for the intercept the share at average framework conditions.",
      },
    ),
    measure(
      "se",
      "percent",
      3,
      { da: "Standardfejl (procentpoint)", en: "Standard error (percentage points)" },
      {
        da: "Klassisk standardfejl for vægtet mindste kvadrater: √(σ̂² (XᵀWX)⁻¹).",
        en: "Classical weighted least-squares standard error: √(σ̂² (XᵀWX)⁻¹).",
      },
    ),
    measure(
      "mean",
      "number",
      4,
      { da: "Gennemsnit", en: "Mean" },
      {
        da: "Rammevilkårets gennemsnit over kommunerne, vægtet med indbyggere 16-66 år (i variablens egen enhed).",
        en: "Mean of the framework variable over the municipalities, weighted by residents aged 16-66 (in the variable's own unit).",
      },
    ),
    measure(
      "sd",
      "number",
      4,
      { da: "Standardafvigelse", en: "Standard deviation" },
      {
        da: "Rammevilkårets vægtede standardafvigelse over kommunerne; variablen indgår som (værdi − gennemsnit) ÷ standardafvigelse.",
        en: "Weighted standard deviation of the framework variable over the municipalities; the variable enters as (value − mean) ÷ standard deviation.",
      },
    ),
    measure(
      "r2",
      "number",
      3,
      { da: "Forklaringsgrad (R²)", en: "R²" },
      { da: "Vægtet R² for modellen.", en: "Weighted R² of the model." },
    ),
    measure(
      "n",
      "count",
      0,
      { da: "Kommuner i modellen", en: "Municipalities in the model" },
      {
        da: "Kommuner med mindst minimumsantallet af personer i målgruppen, som modellen er estimeret på.",
        en: "Municipalities with at least the minimum number of persons in the target group, on which the model is fitted.",
      },
    ),
    measure(
      "vintage",
      "code",
      0,
      { da: "Rammevilkårenes år", en: "Year of the framework conditions" },
      {
        da: "Året for de anvendte rammevilkår: periodens år, eller det seneste leverede år.",
        en: "The year of the framework conditions used: the period's year, or the latest year delivered.",
      },
    ),
    measure(
      "calibration",
      "number",
      4,
      { da: "Kalibreringsfaktor", en: "Calibration factor" },
      {
        da: "Faktiske ÷ modellens forventede fuldtidspersoner i hele landet; de forventede ganges med den.",
        en: "Actual ÷ the model's expected full-time persons nationally; expected values are multiplied by it.",
      },
    ),
  ],
  primaryCounts: ["n"],
  footnotes: [
    {
      da: "Led i alt viser modellen som helhed: forklaringsgrad, antal kommuner, rammevilkårenes år og kalibreringsfaktor.",
      en: "Term total shows the model as a whole: R², number of municipalities, year of the framework conditions and calibration factor.",
    },
    {
      da: "Variable ud over kontraktens, som er valgt i benchmark.json, står kun i udgivelsens manifest.",
      en: "Variables beyond the contract's, chosen in benchmark.json, appear only in the release manifest.",
    },
  ],
  sql: "SELECT * FROM bm_model",
};
