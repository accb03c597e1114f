// The shape every record-type definition has: its fields with type, required-ness, allowed codes
// and ranges, and its cross-field rules. The generator and the ingest both read these, so they are
// the single source of the contract's field rules (CONTRACT.md §1, §6).

export type FieldType =
  /** Danish CPR number, `DDMMYYSSSS` or `DDMMYY-SSSS`. */
  | "cpr"
  /** One code of a code list (`codes`). */
  | "code"
  /** A calendar date, `YYYY-MM-DD` or `DD-MM-YYYY`. */
  | "date"
  /** A month, `YYYY-MM`. */
  | "month"
  /** A whole number. */
  | "integer"
  /** A decimal number with `.` or `,` as decimal mark. */
  | "decimal"
  /** Free text (stored as is, escaped where shown). */
  | "text";

export interface FieldDef {
  readonly name: string;
  readonly type: FieldType;
  /** The column must be in the header; a file without it is refused whole. */
  readonly required: boolean;
  /** A required column whose value may still be empty (e.g. `end` of a running period). */
  readonly emptyAllowed?: boolean;
  /** Allowed codes when `type` is "code". */
  readonly codes?: readonly string[];
  /** Name of the code list, for messages ("benefit", "municipality"). */
  readonly codeList?: string;
  /** Inclusive lower bound for numbers, unless `minExclusive`. */
  readonly min?: number;
  readonly minExclusive?: boolean;
  /** Inclusive upper bound for numbers. */
  readonly max?: number;
  /** A regular expression the raw text must match (after trimming), e.g. DISCO-08 codes. */
  readonly pattern?: string;
  /** What an empty optional value means. */
  readonly default?: string | number;
  /** Alternative accepted values besides `codes`/numbers, e.g. population age bands. */
  readonly alsoAccepts?: readonly string[];
  readonly description: string;
}

/** A rule across fields of one row. Checked after the per-field rules, only on fields that passed them. */
export type RowRule =
  | {
      /** `field` must be present when `when` has one of `values`. */
      readonly kind: "required_when";
      readonly field: string;
      readonly when: string;
      readonly values: readonly string[];
      readonly reason: string;
    }
  | {
      /** `field` (a date) must not be before `other` (a date) when both are present. */
      readonly kind: "not_before";
      readonly field: string;
      readonly other: string;
      readonly reason: string;
    };

export interface RecordTypeDef {
  readonly type: string;
  readonly description: string;
  readonly fields: readonly FieldDef[];
  readonly rules: readonly RowRule[];
  /** Which field a source's scope applies to, per source kind (national sources have no limit). */
  readonly scopeField: { readonly jobcenter?: string; readonly akasse?: string };
  /** The field whose date or month places a row in time (delivery monitoring, revisions). */
  readonly timeField?: string;
}

/** Reason codes a row can be quarantined with. Stable: they appear in receipts and the quarantine. */
export const REASON_CODES = {
  field_count: "The row has more or fewer fields than the header",
  required: "A required field is empty",
  unknown_code: "The value is not in its code list",
  bad_date: "Not a real date in the form YYYY-MM-DD or DD-MM-YYYY",
  bad_month: "Not a month in the form YYYY-MM",
  bad_number: "Not a number",
  bad_integer: "Not a whole number",
  bad_format: "The value does not have the required form",
  out_of_range: "The number is outside its allowed range",
  end_before_start: "The end date is before the start date",
  akasse_required: "An a-kasse code is required for this benefit",
  municipality_required: "A municipality is required when the interview is held by the job centre",
  cpr_format: "Not a CPR number (10 digits, optionally with a hyphen after the sixth)",
  cpr_date: "The CPR number does not encode a real date",
  cpr_future: "The CPR number's birth date is after the delivery date",
  out_of_scope: "The row is outside the source's scope",
  duplicate_key: "The key was already delivered in this file",
  bad_json: "The line is not a JSON object",
} as const;

export type ReasonCode = keyof typeof REASON_CODES;
