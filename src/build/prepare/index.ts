// Prepares the tables every published table reads: periods, areas, residents, benefit days per person
// and month, spells and person background. Inputs are the `in_<record type>` relations.
import type { DuckDBConnection } from "@duckdb/node-api";
import { parsePeriod } from "../../reference/periods.ts";
import { createAreaTables } from "./areas.ts";
import { createBenefitDays } from "./benefit-days.ts";
import { createPeriodTables, type PeriodSpan } from "./periods.ts";
import { createPersonBackground } from "./persons.ts";
import { createPopulation } from "./population.ts";
import { createPresence } from "./presence.ts";
import { createSpells } from "./spells.ts";

export { createInputViews } from "./inputs.ts";
export type { PeriodSpan } from "./periods.ts";
export { periodsOfSpan } from "./periods.ts";

/** Builds every prepared table for the span, reporting each step's name as it starts. */
export async function prepareBuild(
  connection: DuckDBConnection,
  span: PeriodSpan,
  onStep: (step: string) => void = () => {},
): Promise<void> {
  const firstDay = parsePeriod(span.firstMonth).first;
  const throughDay = parsePeriod(span.throughMonth).last;
  onStep("periods and areas");
  await createPeriodTables(connection, span);
  await createAreaTables(connection);
  onStep("residents");
  await createPopulation(connection);
  onStep("benefit days");
  await createBenefitDays(connection, { firstDay, throughDay });
  onStep("presence");
  await createPresence(connection, { firstDay, throughDay });
  onStep("spells");
  await createSpells(connection, throughDay);
  onStep("person background");
  await createPersonBackground(connection);
}
