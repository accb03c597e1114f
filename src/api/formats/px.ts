// `format=px`: PC-Axis as PxWeb reads it (PX file format 2013): UTF-8 declared by CODEPAGE, the
// measures as the contents variable (CONTVARIABLE) in the stub, periods in the heading, one DATA line
// per stub combination, ".." and "-" quoted. Texts cannot hold a double quote: it becomes a single one.
import { type Cube, cubeSizes } from "../cube.ts";
import { MEASURE_WORD, plainNumber, unitLabel } from "./labels.ts";
import type { OutputFormat } from "./types.ts";

const WORDS = {
  da: { by: "efter", and: "og", source: "Jobindblik", release: "Udgivelse" },
  en: { by: "by", and: "and", source: "Jobindblik", release: "Release" },
} as const;

/** Text a PX string may hold: no double quotes, line breaks or semicolons (which end a keyword for naive readers). */
function clean(text: string): string {
  return text
    .replace(/"/g, "'")
    .replace(/\s*;\s*/g, " ")
    .replace(/[\r\n]+/g, " ");
}

/** A PX string: quoted and cleaned. */
function str(text: string): string {
  return `"${clean(text)}"`;
}

/** A long text split into quoted pieces of at most ~200 characters, one per line. */
function longText(text: string): string {
  const cleaned = clean(text);
  const pieces: string[] = [];
  for (let i = 0; i < cleaned.length; i += 200) pieces.push(`"${cleaned.slice(i, i + 200)}"`);
  return pieces.length > 0 ? pieces.join("\n") : '""';
}

/** A list of quoted strings, broken after a comma so no line gets long. */
function list(items: readonly string[]): string {
  const lines: string[] = [];
  let line = "";
  for (const item of items.map(str)) {
    if (line.length > 0 && line.length + item.length > 200) {
      lines.push(`${line},`);
      line = item;
    } else line = line.length > 0 ? `${line},${item}` : item;
  }
  lines.push(line);
  return lines.join("\n");
}

/** Value texts must be unique within a variable: add the code where two labels are equal. */
function uniqueTexts(codes: readonly { code: string; label: string }[]): string[] {
  const seen = new Map<string, number>();
  for (const c of codes) seen.set(c.label, (seen.get(c.label) ?? 0) + 1);
  return codes.map((c) =>
    (seen.get(c.label) ?? 0) > 1 || c.label === "" ? `${c.code} ${c.label}`.trim() : c.label,
  );
}

function stamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "19700101 00:00";
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

export function renderPx(cube: Cube, lang: "da" | "en"): string {
  const w = WORDS[lang];
  const dims = cube.dimensions;
  const periodAxis = Math.max(
    0,
    dims.findIndex((d) => d.kind === "period"),
  );
  const measureWord = MEASURE_WORD[lang];
  // Variables: every dimension and the measure; stub = all but the period, heading = the period.
  const variables = [
    ...dims.map((d) => ({
      name: d.label[lang],
      codes: d.codes.map((c) => c.code),
      texts: uniqueTexts(d.codes.map((c) => ({ code: c.code, label: c.label[lang] }))),
    })),
    {
      name: measureWord,
      codes: cube.measures.map((m) => m.id),
      texts: uniqueTexts(cube.measures.map((m) => ({ code: m.id, label: m.label[lang] }))),
    },
  ];
  const axes = variables.map((_, i) => i);
  const stubAxes = axes.filter((a) => a !== periodAxis);
  const headingAxes = [periodAxis];
  const measureTexts = variables[variables.length - 1]?.texts ?? [];
  const decimals = Math.max(0, ...cube.measures.map((m) => m.decimals));
  const updated = stamp(cube.release.createdAt);
  const names = dims.filter((_, i) => i !== periodAxis).map((d) => d.label[lang].toLowerCase());
  const title = `${cube.table.title[lang]} ${w.by} ${[...names, measureWord.toLowerCase()].join(", ")} ${w.and} ${(dims[periodAxis]?.label[lang] ?? "").toLowerCase()}`;

  const out: string[] = [
    'CHARSET="ANSI";',
    'AXIS-VERSION="2013";',
    'CODEPAGE="utf-8";',
    `LANGUAGE="${lang}";`,
    `CREATION-DATE="${updated}";`,
    `DECIMALS=${Math.min(decimals, 6)};`,
    `SHOWDECIMALS=${Math.min(decimals, 6)};`,
    `MATRIX=${str(cube.table.id)};`,
    `SUBJECT-CODE=${str(cube.table.subject)};`,
    `SUBJECT-AREA=${str(cube.table.subject)};`,
    `DESCRIPTION=${longText(cube.table.description[lang])};`,
    `TITLE=${longText(title)};`,
    `CONTENTS=${str(cube.table.title[lang])};`,
    `UNITS=${str(cube.measures.length === 1 ? unitLabel(cube.measures[0]?.unit ?? "", lang) : measureWord)};`,
    `STUB=${list(stubAxes.map((a) => variables[a]?.name ?? ""))};`,
    `HEADING=${list(headingAxes.map((a) => variables[a]?.name ?? ""))};`,
    `CONTVARIABLE=${str(measureWord)};`,
  ];
  for (const a of [...stubAxes, ...headingAxes])
    out.push(`VALUES(${str(variables[a]?.name ?? "")})=${list(variables[a]?.texts ?? [])};`);
  for (const a of [...stubAxes, ...headingAxes])
    out.push(`CODES(${str(variables[a]?.name ?? "")})=${list(variables[a]?.codes ?? [])};`);
  const period = dims[periodAxis];
  if (period && period.codes.length > 0 && period.codes.every((c) => /^\d{4}M\d{2}$/.test(c.code))) {
    out.push(`TIMEVAL(${str(period.label[lang])})=TLIST(M1),${list(period.codes.map((c) => c.code))};`);
  } else if (period && period.codes.length > 0 && period.codes.every((c) => /^\d{4}$/.test(c.code))) {
    out.push(`TIMEVAL(${str(period.label[lang])})=TLIST(A1),${list(period.codes.map((c) => c.code))};`);
  }
  cube.measures.forEach((m, i) => {
    const text = str(measureTexts[i] ?? m.id);
    out.push(`PRECISION(${str(measureWord)},${text})=${Math.min(m.decimals, 6)};`);
  });
  cube.measures.forEach((m, i) => {
    const text = str(measureTexts[i] ?? m.id);
    out.push(`UNITS(${text})=${str(unitLabel(m.unit, lang))};`);
    out.push(`LAST-UPDATED(${text})="${updated}";`);
    out.push(`REFPERIOD(${text})=${str(cube.release.dataThrough)};`);
  });
  out.push(`SOURCE=${str(`${w.source}, ${w.release.toLowerCase()} ${cube.release.id}`)};`);
  out.push(`DATABASE=${str(w.source)};`);
  if (cube.table.footnotes.length > 0)
    out.push(`NOTE=${longText(cube.table.footnotes.map((f) => f[lang]).join("#"))};`);
  out.push("DATA=");

  // Cube order is (dims…, measure) with measure fastest; PX order is (stub…, heading…).
  const sizes = cubeSizes(cube);
  const strides = sizes.map((_, i) => sizes.slice(i + 1).reduce((a, b) => a * b, 1));
  const heading = sizes[periodAxis] ?? 1;
  const stubSizes = stubAxes.map((a) => sizes[a] as number);
  const stubCount = stubSizes.reduce((a, b) => a * b, 1);
  const position = stubAxes.map(() => 0);
  for (let r = 0; r < stubCount; r++) {
    let base = 0;
    stubAxes.forEach((a, k) => {
      base += (position[k] as number) * (strides[a] as number);
    });
    const cells: string[] = [];
    for (let h = 0; h < heading; h++) {
      const i = base + h * (strides[periodAxis] as number);
      const v = cube.values[i];
      const s = cube.status[i] ?? "";
      cells.push(s === ".." ? '".."' : s === "-" || v === null || v === undefined ? '"-"' : plainNumber(v));
    }
    out.push(cells.join(" "));
    for (let k = position.length - 1; k >= 0; k--) {
      const next = (position[k] as number) + 1;
      if (next < (stubSizes[k] as number)) {
        position[k] = next;
        break;
      }
      position[k] = 0;
    }
  }
  out[out.length - 1] = `${out[out.length - 1]};`;
  return `${out.join("\r\n")}\r\n`;
}

export const pxFormat: OutputFormat = {
  id: "px",
  contentType: () => "text/x-pcaxis; charset=utf-8",
  extension: "px",
  attachment: true,
  compressible: true,
  normalise: (o) => ({ locale: "en", labels: o.labels ?? "da" }),
  render: (cube, options) => renderPx(cube, options.labels ?? "da"),
};
