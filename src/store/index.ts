// The warehouse: opening it (bounded memory, no spill unless asked), its schema, and SQL helpers.
// Other stages import only from here.
export type { FactColumn } from "./fact-tables.ts";
export { factColumns, factTableName, storedType } from "./fact-tables.ts";
export { migrate } from "./migrate.ts";
export type { Migration } from "./migrations.ts";
export { MIGRATIONS } from "./migrations.ts";
export type { OpenOptions, Warehouse } from "./open.ts";
export { openDatabase, openWarehouse, WAREHOUSE_FILE, warehousePath, withConnection } from "./open.ts";
export type { Params } from "./query.ts";
export { execute, inTransaction, queryRows, queryValue } from "./query.ts";
export { literalList, quoteIdentifier, quoteLiteral } from "./sql.ts";
