// The output formats by id; each is one file implementing `OutputFormat`.
import type { FormatId } from "../query-schema.ts";
import { csvFormat } from "./csv.ts";
import { jsonFormat } from "./json.ts";
import { jsonStatFormat } from "./jsonstat.ts";
import { pxFormat } from "./px.ts";
import type { OutputFormat } from "./types.ts";
import { xlsxFormat } from "./xlsx.ts";

export type { OutputFormat, RenderOptions } from "./types.ts";

export const FORMATS: Readonly<Record<FormatId, OutputFormat>> = {
  json: jsonFormat,
  csv: csvFormat,
  jsonstat: jsonStatFormat,
  xlsx: xlsxFormat,
  px: pxFormat,
};
