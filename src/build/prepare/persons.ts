// Background of persons from the latest `persons` row that mentions them (the highest batch id, then
// the highest line): `person_origin(person_id, origin, education)`. The latest row wins as a whole,
// so an empty origin there means unknown now, and origin and education come from the same row.
import type { DuckDBConnection } from "@duckdb/node-api";

export async function createPersonBackground(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE person_origin AS
    SELECT person_id, latest.origin, latest.education FROM (
      SELECT person_id, arg_max({ 'origin': origin, 'education': education }, batch * 1e9 + line) AS latest
      FROM in_persons GROUP BY person_id
    )`);
}
