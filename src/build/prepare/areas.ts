// The area hierarchy as tables: `area_map(municipality, area)` links each municipality to itself, its
// job centre, RAR area, region and DK, so any area's figure is computed from microdata in one join;
// `areas(area, level, sort)` lists every area in published order.
import type { DuckDBConnection } from "@duckdb/node-api";
import { AREAS, COUNTRY_CODE } from "../../reference/areas.ts";
import { MUNICIPALITIES } from "../../reference/municipalities.ts";
import { quoteLiteral } from "../../store/sql.ts";

export async function createAreaTables(connection: DuckDBConnection): Promise<void> {
  const links: string[] = [];
  for (const m of MUNICIPALITIES) {
    for (const area of [m.code, m.jobCentre, m.rar, m.region, COUNTRY_CODE]) {
      links.push(`(${quoteLiteral(m.code)}, ${quoteLiteral(area)})`);
    }
  }
  await connection.run(`CREATE OR REPLACE TEMP TABLE area_map AS SELECT * FROM (VALUES ${links.join(", ")})
    AS t(municipality, area)`);
  const areas = AREAS.map((a, i) => `(${quoteLiteral(a.code)}, ${quoteLiteral(a.level)}, ${i})`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE areas AS SELECT * FROM (VALUES ${areas.join(", ")})
    AS t(area, level, sort)`);
}
