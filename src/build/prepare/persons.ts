// Background of persons from the latest `persons` delivery that mentions them (the highest batch
// id): `person_origin(person_id, origin, education)`.
import type { DuckDBConnection } from "@duckdb/node-api";

export async function createPersonBackground(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE person_origin AS
    SELECT person_id, arg_max(origin, batch * 1e9 + line) AS origin, arg_max(education, batch * 1e9 + line) AS education
    FROM in_persons GROUP BY person_id`);
}
