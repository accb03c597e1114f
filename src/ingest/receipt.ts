// The receipt of one delivery (CONTRACT.md §6: `batch`, `rows_read`, `accepted`, `quarantined`,
// `reasons`, `warnings`, and more) and its human form.

export interface Receipt {
  readonly batch: number;
  readonly source: string;
  readonly record_type: string;
  readonly file: string;
  readonly period: string | null;
  readonly sha256: string;
  readonly encoding: string;
  readonly format: string;
  /** Which reader parsed the file: DuckDB directly (fast path) or Node (quoted fields, encodings, JSONL). */
  readonly reader: "duckdb" | "node";
  readonly received_at: string;
  readonly rows_read: number;
  /** Rows stored as data. */
  readonly accepted: number;
  /** Rows with at least one problem. */
  readonly quarantined: number;
  /** Problems per reason code (a row may have several). */
  readonly reasons: Readonly<Record<string, number>>;
  readonly warnings: readonly string[];
  /** Batches this delivery replaced (same source, type and period). */
  readonly superseded: readonly number[];
}

const number = new Intl.NumberFormat("en-GB");

/** Reasons as `code count, …`, most frequent first, at most `top`. */
export function topReasons(reasons: Readonly<Record<string, number>>, top = 5): string {
  const entries = Object.entries(reasons).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = entries.slice(0, top).map(([code, n]) => `${code} ${number.format(n)}`);
  return entries.length > top ? `${shown.join(", ")}, …` : shown.join(", ");
}

export function formatReceipt(r: Receipt): string {
  const lines = [
    `Batch ${r.batch}: ${r.record_type} from ${r.source} (${r.file}${r.period ? `, period ${r.period}` : ""})`,
    `  rows read    ${number.format(r.rows_read)}`,
    `  accepted     ${number.format(r.accepted)}`,
    `  quarantined  ${number.format(r.quarantined)}`,
  ];
  if (r.quarantined > 0) lines.push(`  top reasons  ${topReasons(r.reasons)}`);
  for (const id of r.superseded) lines.push(`  supersedes batch ${id}`);
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  return lines.join("\n");
}
