// Each validation rule, with the exact quarantine entry it produces (line, field, reason, shown value).
// Delivery date: 2025-06-15 (testEffects). Expected entries are written by hand from CONTRACT.md §1, §6.
import { afterAll, describe, expect, it } from "vitest";
import { queryRows } from "../store/index.ts";
import { ingestFile } from "./ingest-file.ts";
import { quarantineOf, TempDir, testEffects, testWarehouse } from "./testing.ts";

const dir = new TempDir();
afterAll(() => dir.remove());

async function ingest(type: string, source: string, name: string, text: string) {
  const warehouse = await testWarehouse();
  try {
    const receipt = await ingestFile(
      warehouse.connection,
      { file: dir.file(name, text), type, source },
      testEffects,
    );
    const quarantine = await quarantineOf(warehouse.connection, receipt.batch);
    return { receipt, quarantine, connection: warehouse.connection, close: () => warehouse.close() };
  } catch (err) {
    warehouse.close();
    throw err;
  }
}

describe("validating benefit periods", () => {
  it("quarantines every bad row with every problem, and accepts the good ones", async () => {
    const rows = [
      "cpr,benefit,municipality,akasse,start,end,degree,amount_dkk",
      "1503852347,dagpenge,101,D86,2025-01-01,2025-01-31,1,100", // 2 good
      "12345,kontanthjaelp,101,,2025-01-01,,,", // 3 not a CPR
      "3102851234,kontanthjaelp,101,,2025-01-01,,,", // 4 31 February
      "0101304123,kontanthjaelp,101,,2025-01-01,,,", // 5 born 2030 (7th digit 4, YY 30)
      ",kontanthjaelp,101,,2025-01-01,,,", // 6 no CPR
      "1503852347,dagpenge2,101,D86,2025-01-01,,,", // 7 unknown benefit
      "1503852347,kontanthjaelp,147,,2025-01-01,,,", // 8 Frederiksberg: not JC101's
      "1503852347,dagpenge,101,D99,2025-01-01,,,", // 9 unknown a-kasse
      "1503852347,kontanthjaelp,101,,2025-02-30,,,", // 10 no 30 February
      "1503852347,kontanthjaelp,101,,2025-01-01,01-13-2025,,", // 11 month 13
      "1503852347,kontanthjaelp,101,,2025-03-01,28-02-2025,,", // 12 ends before it starts
      "1503852347,kontanthjaelp,101,,2025-01-01,,0,", // 13 degree must be > 0
      '1503852347,kontanthjaelp,101,,2025-01-01,,"1,5",', // 14 degree ≤ 1 (quoted decimal comma)
      "1503852347,kontanthjaelp,101,,2025-01-01,,abc,", // 15 not a number
      "1503852347,kontanthjaelp,101,,2025-01-01,,,-1", // 16 negative amount
      "1503852347,dagpenge,101,,2025-01-01,,,", // 17 dagpenge needs an a-kasse
      "1503852347,,101,,x,,,", // 18 two problems
      "1503852347,kontanthjaelp,0102031234,,2025-01-01,,,", // 19 a CPR in the wrong column
      "1503852347,kontanthjaelp,101,,0000-01-01,,,", // 20 year 0
      '150385-2347,efterloen,101,D86,01-01-2025,,0.25,"1.000,5"', // 21 "1.000,5" is not a number
    ];
    const r = await ingest("benefit_periods", "JC101", "bp.csv", `${rows.join("\n")}\n`);
    try {
      expect(r.quarantine).toEqual([
        { line: 3, field: "cpr", reason: "cpr_format", value: "xxxxxx-xxxx" },
        { line: 4, field: "cpr", reason: "cpr_date", value: "310285-xxxx" },
        { line: 5, field: "cpr", reason: "cpr_future", value: "010130-xxxx" },
        { line: 6, field: "cpr", reason: "required", value: null },
        { line: 7, field: "benefit", reason: "unknown_code", value: "dagpenge2" },
        { line: 8, field: "municipality", reason: "out_of_scope", value: "147" },
        { line: 9, field: "akasse", reason: "unknown_code", value: "D99" },
        { line: 10, field: "start", reason: "bad_date", value: "2025-02-30" },
        { line: 11, field: "end", reason: "bad_date", value: "01-13-2025" },
        { line: 12, field: "end", reason: "end_before_start", value: "28-02-2025" },
        { line: 13, field: "degree", reason: "out_of_range", value: "0" },
        { line: 14, field: "degree", reason: "out_of_range", value: "1,5" },
        { line: 15, field: "degree", reason: "bad_number", value: "abc" },
        { line: 16, field: "amount_dkk", reason: "out_of_range", value: "-1" },
        { line: 17, field: "akasse", reason: "akasse_required", value: null },
        { line: 18, field: "benefit", reason: "required", value: null },
        { line: 18, field: "start", reason: "bad_date", value: "x" },
        { line: 19, field: "municipality", reason: "unknown_code", value: "010203-xxxx" },
        { line: 20, field: "start", reason: "bad_date", value: "0000-01-01" },
        { line: 21, field: "amount_dkk", reason: "bad_number", value: "1.000,5" },
      ]);
      expect(r.receipt).toMatchObject({ rows_read: 20, accepted: 1, quarantined: 19 });
      expect(r.receipt.reasons).toEqual({
        bad_date: 4,
        out_of_range: 3,
        unknown_code: 3,
        required: 2,
        akasse_required: 1,
        bad_number: 2,
        cpr_date: 1,
        cpr_format: 1,
        cpr_future: 1,
        end_before_start: 1,
        out_of_scope: 1,
      });
    } finally {
      r.close();
    }
  });

  it("stores messages with each quarantine entry", async () => {
    const r = await ingest(
      "benefit_periods",
      "JC101",
      "msg.csv",
      "cpr,benefit,municipality,start,end\n1503852347,x,101,2025-01-01,\n",
    );
    try {
      const rows = await queryRows(r.connection, "SELECT message FROM quarantine");
      expect(rows).toEqual([{ message: "The value is not in its code list" }]);
    } finally {
      r.close();
    }
  });
});

describe("validating the other record types", () => {
  it("requires the interviewer's municipality or a-kasse, and defaults the kind to job", async () => {
    const r = await ingest(
      "interviews",
      "DST",
      "iv.csv",
      [
        "cpr;held_by;date;municipality;akasse;kind;due",
        "1503852347;jobcenter;2025-02-03;101;;;2025-02-10", // 2 good
        "1503852347;jobcenter;2025-02-03;;;cv;", // 3 no municipality
        "1503852347;akasse;2025-02-03;101;;job;", // 4 no a-kasse
        "1503852347;phone;2025-02-03;101;;job;", // 5 unknown held_by: no rule fires
        "1503852347;akasse;2025-02-03;;D86;meeting;", // 6 unknown kind
      ].join("\n"),
    );
    try {
      expect(r.quarantine).toEqual([
        { line: 3, field: "municipality", reason: "municipality_required", value: null },
        { line: 4, field: "akasse", reason: "akasse_required", value: null },
        { line: 5, field: "held_by", reason: "unknown_code", value: "phone" },
        { line: 6, field: "kind", reason: "unknown_code", value: "meeting" },
      ]);
      const facts = await queryRows(
        r.connection,
        "SELECT kind, due, municipality, akasse FROM fact_interviews",
      );
      expect(facts).toEqual([{ kind: "job", due: "2025-02-10", municipality: "101", akasse: null }]);
    } finally {
      r.close();
    }
  });

  it("checks occupations' form, positions as whole numbers ≥ 1, and repeated opening ids", async () => {
    const r = await ingest(
      "job_openings",
      "DST",
      "jo.csv",
      [
        "opening_id,municipality,occupation,posted,positions",
        "A1,101,2512,2025-03-01,", // 2 good, positions default 1
        "A2,101,25123,2025-03-01,2", // 3 five digits
        "A3,101,25a,2025-03-01,1", // 4 not digits
        "A4,101,2512,2025-03-01,0", // 5 no positions
        "A5,101,2512,2025-03-01,1.5", // 6 not whole
        "A1,101,2512,2025-03-02,1", // 7 repeated id
        "A1,101,2512,2025-03-03,1", // 8 repeated again
      ].join("\n"),
    );
    try {
      expect(r.quarantine).toEqual([
        { line: 3, field: "occupation", reason: "bad_format", value: "25123" },
        { line: 4, field: "occupation", reason: "bad_format", value: "25a" },
        { line: 5, field: "positions", reason: "out_of_range", value: "0" },
        { line: 6, field: "positions", reason: "bad_integer", value: "1.5" },
        { line: 7, field: "opening_id", reason: "duplicate_key", value: "A1" },
        { line: 8, field: "opening_id", reason: "duplicate_key", value: "A1" },
      ]);
      const facts = await queryRows(
        r.connection,
        "SELECT opening_id, CAST(positions AS INTEGER) AS positions FROM fact_job_openings",
      );
      expect(facts).toEqual([{ opening_id: "A1", positions: 1 }]);
    } finally {
      r.close();
    }
  });

  it("checks months and hours of employment", async () => {
    const r = await ingest(
      "employment",
      "DST",
      "em.csv",
      [
        "cpr,month,hours,municipality",
        "1503852347,2025-03,160.5,",
        "1503852347,2025-13,1,",
        "1503852347,2025-3,1,",
        "1503852347,2025-03,-1,",
        "1503852347,2025-03,,",
      ].join("\n"),
    );
    try {
      expect(r.quarantine).toEqual([
        { line: 3, field: "month", reason: "bad_month", value: "2025-13" },
        { line: 4, field: "month", reason: "bad_month", value: "2025-3" },
        { line: 5, field: "hours", reason: "out_of_range", value: "-1" },
        { line: 6, field: "hours", reason: "required", value: null },
      ]);
      const facts = await queryRows(r.connection, "SELECT month, hours FROM fact_employment");
      expect(facts).toEqual([{ month: "2025-03-01", hours: 160.5 }]);
    } finally {
      r.close();
    }
  });

  it("accepts population ages as numbers or as the contract's bands", async () => {
    const r = await ingest(
      "population",
      "DST",
      "pop.csv",
      [
        "municipality,year,age,gender,count",
        "101,2025,0-15,K,100",
        "101,2025,34,M,7",
        "101,2025,126,M,1",
        "101,2025,16-18,M,1",
        "101,2025,67+,X,1",
        "101,1899,67+,K,1.0",
      ].join("\n"),
    );
    try {
      expect(r.quarantine).toEqual([
        { line: 4, field: "age", reason: "out_of_range", value: "126" },
        { line: 5, field: "age", reason: "bad_integer", value: "16-18" },
        { line: 6, field: "gender", reason: "unknown_code", value: "X" },
        { line: 7, field: "year", reason: "out_of_range", value: "1899" },
        { line: 7, field: "count", reason: "bad_integer", value: "1.0" },
      ]);
      const facts = await queryRows(
        r.connection,
        "SELECT age, CAST(count AS INTEGER) AS count FROM fact_population ORDER BY line",
      );
      expect(facts).toEqual([
        { age: "0-15", count: 100 },
        { age: "34", count: 7 },
      ]);
    } finally {
      r.close();
    }
  });

  it("stores unknown framework-condition variables as text and lists them, escaped", async () => {
    const r = await ingest(
      "framework_conditions",
      "DST",
      "fc.csv",
      [
        "municipality,year,variable,value",
        '101,2025,share_60_plus,"21,5"',
        "101,2025,<script>x</script>,1",
        "101,2025,new_var,2",
      ].join("\n"),
    );
    try {
      expect(r.receipt.accepted).toBe(3);
      expect(r.receipt.warnings).toEqual([
        'Unknown variable values stored as given: "<script>x</script>", "new_var"',
      ]);
      const facts = await queryRows(
        r.connection,
        "SELECT variable, value FROM fact_framework_conditions ORDER BY line",
      );
      expect(facts[0]).toEqual({ variable: "share_60_plus", value: 21.5 });
    } finally {
      r.close();
    }
  });

  it("quarantines codes outside the 98 municipalities in persons' residence", async () => {
    const r = await ingest(
      "persons",
      "DST",
      "pe.csv",
      "cpr,origin,education,residence\n1503852347,dansk,lang,101\n0101901234,dansk,phd,411\n",
    );
    try {
      expect(r.quarantine).toEqual([
        { line: 3, field: "education", reason: "unknown_code", value: "phd" },
        { line: 3, field: "residence", reason: "unknown_code", value: "411" },
      ]);
    } finally {
      r.close();
    }
  });
});
