// `activation_offers`: an active labour-market offer (CONTRACT.md §1).
import { BENEFITS, codesOf, OFFER_TYPES } from "../../reference/codes.ts";
import { cprField, dateField, municipalityField } from "./common-fields.ts";
import type { RecordTypeDef } from "./types.ts";

export const activationOffers: RecordTypeDef = {
  type: "activation_offers",
  description: "An active labour-market offer",
  fields: [
    cprField,
    municipalityField(true, "Municipality responsible for the offer"),
    {
      name: "offer_type",
      type: "code",
      required: true,
      codes: codesOf(OFFER_TYPES),
      codeList: "offer_type",
      description: "Kind of offer",
    },
    {
      name: "target_group",
      type: "code",
      required: true,
      codes: codesOf(BENEFITS),
      codeList: "benefit",
      description: "Benefit the person was on",
    },
    dateField("start", true, "First day of the offer"),
    dateField("end", false, "Last day of the offer (inclusive); empty = running"),
  ],
  rules: [{ kind: "not_before", field: "end", other: "start", reason: "end_before_start" }],
  scopeField: { jobcenter: "municipality" },
  timeField: "start",
};
