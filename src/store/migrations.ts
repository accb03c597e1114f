// The versioned schema of the warehouse's fixed tables. Append new migrations; never edit an applied one.
// Fact tables are derived from the record-type definitions instead (fact-tables.ts).

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "sources, batches, quarantine, person keys",
    statements: [
      `CREATE TABLE sources (
        id VARCHAR PRIMARY KEY,
        kind VARCHAR NOT NULL,
        scope VARCHAR[] NOT NULL,
        types VARCHAR[] NOT NULL,
        created_at TIMESTAMP NOT NULL
      )`,
      `CREATE TABLE batches (
        id INTEGER PRIMARY KEY,
        source VARCHAR NOT NULL,
        record_type VARCHAR NOT NULL,
        file_name VARCHAR NOT NULL,
        sha256 VARCHAR NOT NULL,
        period VARCHAR,
        received_at TIMESTAMP NOT NULL,
        encoding VARCHAR NOT NULL,
        format VARCHAR NOT NULL,
        rows_read BIGINT NOT NULL,
        accepted BIGINT NOT NULL,
        quarantined BIGINT NOT NULL,
        status VARCHAR NOT NULL,
        superseded_by INTEGER,
        warnings VARCHAR NOT NULL
      )`,
      `CREATE TABLE quarantine (
        batch INTEGER NOT NULL,
        line BIGINT NOT NULL,
        field VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        message VARCHAR NOT NULL,
        masked_value VARCHAR
      )`,
      // Unique by construction (one writer; new pseudonyms are added with an anti-join). A primary key
      // index would cost seconds per million new persons on every national delivery.
      `CREATE TABLE person_keys (
        pseudonym VARCHAR NOT NULL,
        person_id INTEGER NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    description: "quarantine rows carry the pseudonym of a valid CPR (DESIGN.md §5)",
    statements: ["ALTER TABLE quarantine ADD COLUMN pseudonym VARCHAR"],
  },
];
