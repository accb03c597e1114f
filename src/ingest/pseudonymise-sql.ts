// Pseudonyms in SQL: HMAC-SHA-256 of the ten CPR digits, computed by DuckDB as
// sha256(opad ‖ unhex(sha256(ipad ‖ digits))) with the padded keys bound as parameters (never in the
// SQL text), once per distinct CPR of a delivery. New pseudonyms get the next integer person ids.
import { quoteIdentifier } from "../store/index.ts";

export const CPR_TABLE = "ingest_cpr";
export const PERSON_TABLE = "ingest_person";

/** The pseudonym (64 hex digits) of a BIGINT column holding the ten CPR digits. */
export function hmacSql(digits: string): string {
  const message = `CAST(lpad(CAST(${digits} AS VARCHAR), 10, '0') AS BLOB)`;
  return `sha256($opad || unhex(sha256($ipad || ${message})))`;
}

/** Distinct CPRs of the accepted rows with their pseudonyms (a temporary, in-memory table). */
export function cprMapSql(stage: string, accepted: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(CPR_TABLE)} AS
    SELECT cpr_d, ${hmacSql("cpr_d")} AS pseudonym
    FROM (SELECT DISTINCT cpr_d FROM ${quoteIdentifier(stage)} s WHERE ${accepted})`;
}

/** Adds the pseudonyms not yet known to `person_keys`, numbered after the highest person id. */
export const NEW_PERSONS_SQL = `INSERT INTO person_keys
  SELECT pseudonym, (SELECT coalesce(max(person_id), 0) FROM person_keys) + row_number() OVER (ORDER BY pseudonym)
  FROM ${quoteIdentifier(CPR_TABLE)} c
  WHERE NOT EXISTS (SELECT 1 FROM person_keys k WHERE k.pseudonym = c.pseudonym)`;

/** CPR digits → person id for this delivery. */
export const PERSON_MAP_SQL = `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(PERSON_TABLE)} AS
  SELECT c.cpr_d, k.person_id FROM ${quoteIdentifier(CPR_TABLE)} c JOIN person_keys k USING (pseudonym)`;
