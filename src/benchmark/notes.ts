// Release notes of the benchmark, in Danish and English: skipped windows with the municipalities and
// variables that were missing, areas and a-kasser left out of the ranks, ignored variables.
import type { BenchmarkConfig } from "./config.ts";
import type { AkasseExclusion, BenchmarkModel, BenchmarkNote, SkippedWindow } from "./types.ts";

function skippedNote(s: SkippedWindow): BenchmarkNote {
  switch (s.reason) {
    case "no_framework_conditions":
      return {
        period: s.period,
        note: {
          da: `Benchmark for ${s.period} er ikke beregnet: der er ikke leveret rammevilkår.`,
          en: `Benchmark for ${s.period} is not computed: no framework conditions have been delivered.`,
        },
      };
    case "missing_values": {
      const list = (s.missing ?? []).map((m) => `${m.variable} (${m.municipalities.join(", ")})`).join("; ");
      return {
        period: s.period,
        note: {
          da: `Benchmark for ${s.period} er udeladt, fordi værdier mangler for kommuner: ${list}.`,
          en: `Benchmark for ${s.period} is skipped because values are missing for municipalities: ${list}.`,
        },
      };
    }
    case "no_fit":
      return {
        period: s.period,
        note: {
          da: `Benchmarkmodellen for ${s.period} kunne ikke estimeres for ${(s.groups ?? []).join(", ")} (for få kommuner eller sammenfaldende variable).`,
          en: `The benchmark model for ${s.period} could not be fitted for ${(s.groups ?? []).join(", ")} (too few municipalities or collinear variables).`,
        },
      };
  }
}

export function benchmarkNotes(model: BenchmarkModel, config: BenchmarkConfig): BenchmarkNote[] {
  const notes: BenchmarkNote[] = [];
  if (model.unknownVariables.length > 0) {
    const list = model.unknownVariables.join(", ");
    notes.push({
      period: null,
      note: {
        da: `Leverede rammevilkår, som ikke indgår i benchmarkmodellen (ukendte og ikke konfigureret): ${list}.`,
        en: `Delivered framework conditions not used by the benchmark model (unknown and not configured): ${list}.`,
      },
    });
  }
  for (const s of model.skipped) notes.push(skippedNote(s));
  for (const w of model.windows) {
    if (w.constantVariables.length > 0)
      notes.push({
        period: w.period,
        note: {
          da: `Benchmark ${w.period}: ${w.constantVariables.join(", ")} er ens i alle kommuner og indgår ikke i modellen.`,
          en: `Benchmark ${w.period}: ${w.constantVariables.join(", ")} is the same in every municipality and left out of the model.`,
        },
      });
    const parts = w.fits
      .map((f) => ({ group: f.group, areas: [...f.excluded.jobcentre, ...f.excluded.municipality] }))
      .filter((p) => p.areas.length > 0)
      .map((p) => `${p.group}: ${p.areas.join(", ")}`);
    if (parts.length > 0)
      notes.push({
        period: w.period,
        note: {
          da: `Benchmark ${w.period}: færre end ${config.minPersons} personer i målgruppen, derfor uden for model og placering — ${parts.join("; ")}.`,
          en: `Benchmark ${w.period}: fewer than ${config.minPersons} persons in the target group, so left out of the model and the ranks — ${parts.join("; ")}.`,
        },
      });
  }
  for (const e of model.akasseExcluded) notes.push(akasseNote(e, config));
  return notes;
}

function akasseNote(e: AkasseExclusion, config: BenchmarkConfig): BenchmarkNote {
  return {
    period: e.period,
    note: {
      da: `A-kassebenchmark ${e.period}: færre end ${config.minPersons} dagpengemodtagere, derfor uden placering — ${e.akasser.join(", ")}.`,
      en: `A-kasse benchmark ${e.period}: fewer than ${config.minPersons} dagpenge recipients, so not ranked — ${e.akasser.join(", ")}.`,
    },
  };
}
