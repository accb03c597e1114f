// The catalogue of published tables, in published order. Each table is one file of the same shape.
import { activation } from "./activation.ts";
import { benchmark } from "./benchmark.ts";
import { benchmarkAkasse } from "./benchmark-akasse.ts";
import { benchmarkModel } from "./benchmark-model.ts";
import { benchmarkPeers } from "./benchmark-peers.ts";
import { duration } from "./duration.ts";
import { educationUptake } from "./education-uptake.ts";
import { employment } from "./employment.ts";
import { flows } from "./flows.ts";
import { interviews } from "./interviews.ts";
import { openings } from "./openings.ts";
import { outcomes } from "./outcomes.ts";
import { recipients } from "./recipients.ts";
import { recipientsAgeGender } from "./recipients-age-gender.ts";
import { recipientsAkasse } from "./recipients-akasse.ts";
import { recipientsOrigin } from "./recipients-origin.ts";
import type { TableDef } from "./types.ts";

export type { CodeDef, DimensionDef, Label, MeasureDef, TableDef } from "./types.ts";

export const TABLES: readonly TableDef[] = [
  recipients,
  recipientsAgeGender,
  recipientsOrigin,
  flows,
  duration,
  outcomes,
  activation,
  interviews,
  openings,
  recipientsAkasse,
  employment,
  educationUptake,
  benchmark,
  benchmarkPeers,
  benchmarkAkasse,
  benchmarkModel,
];
