// Warms the response cache with each table's default query (no parameters, JSON) of the newest release,
// at start-up and again whenever a newer release appears. Failures are logged, never thrown.
import { toAppError } from "../errors.ts";
import { type DataContext, prepareData } from "./data-service.ts";

export interface Warmer {
  /** Warms the newest release (once per release). */
  warm(): Promise<void>;
  /** Starts warming in the background if a newer release has appeared since the last warming. */
  maybeWarm(): void;
}

export function createWarmer(ctx: DataContext): Warmer {
  let warmed: string | null = null;
  let running: Promise<void> | null = null;

  async function warmRelease(): Promise<void> {
    const newest = ctx.store.list()[0];
    if (!newest || newest.id === warmed) return;
    warmed = newest.id;
    for (const table of newest.tables) {
      try {
        // Pinned or not, the key is the same: the bytes do not depend on how the release was named.
        const answer = prepareData(ctx, table.id, { release: newest.id });
        await ctx.cache.getOrMake(answer.key, answer.make);
      } catch (err) {
        ctx.warn(`warming ${newest.id}/${table.id} failed: ${toAppError(err).message}`);
      }
    }
  }

  const warm = (): Promise<void> => {
    running ??= warmRelease().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    warm,
    maybeWarm() {
      if (running) return;
      const newest = ctx.store.list()[0];
      if (newest && newest.id !== warmed) void warm();
    },
  };
}
