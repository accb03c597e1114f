// Reference data: code lists, areas, periods and CPR rules. Pure data and lookups, no I/O.
export * from "./akasser.ts";
export * from "./areas.ts";
export * from "./codes.ts";
export * from "./cpr.ts";
export * from "./job-centres.ts";
export * from "./municipalities.ts";
export * from "./periods.ts";
export * from "./rar.ts";
export * from "./regions.ts";
