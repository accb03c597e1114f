// What the ingest takes from the outside world, injected so tests pin it: the clock (receipt time and
// the delivery date that `cpr_future` compares with) and the pseudonymisation key.
import { loadKey } from "./key.ts";

export interface IngestEffects {
  now(): Date;
  key(): Uint8Array;
}

/** The real clock and the data folder's key (read once, on first use). */
export function systemEffects(dataDir: string): IngestEffects {
  let key: Uint8Array | undefined;
  return {
    now: () => new Date(),
    key: () => {
      key ??= loadKey(dataDir);
      return key;
    },
  };
}

/** The delivery date of an instant: its calendar date in Denmark, `YYYY-MM-DD`. */
export function deliveryDate(now: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(now);
}
