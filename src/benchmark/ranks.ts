// Ranks 1..N among the areas that take part (a value, and not left out by the minimum rule); the
// others get no rank. Ties are broken by the area code, so ranks are always a permutation of 1..N and
// the same input gives the same ranks.

export interface Rankable {
  readonly key: string;
  /** null: takes no part (no value, or left out). */
  readonly value: number | null;
}

/** Rank of each item, in input order; `lowestFirst`: rank 1 is the smallest value. */
export function rankValues(items: readonly Rankable[], lowestFirst: boolean): (number | null)[] {
  const order = items
    .map((item, index) => ({ item, index }))
    .filter((x) => x.item.value !== null && Number.isFinite(x.item.value))
    .sort((a, b) => {
      const d = (a.item.value as number) - (b.item.value as number);
      if (d !== 0) return lowestFirst ? d : -d;
      return a.item.key < b.item.key ? -1 : a.item.key > b.item.key ? 1 : 0;
    });
  const ranks: (number | null)[] = items.map(() => null);
  order.forEach((x, r) => {
    ranks[x.index] = r + 1;
  });
  return ranks;
}

/** Ranks within groups (e.g. clusters): each group ranked 1..Nₖ on its own. */
export function rankWithinGroups(
  items: readonly Rankable[],
  groupOf: readonly (number | null)[],
  lowestFirst: boolean,
): (number | null)[] {
  const ranks: (number | null)[] = items.map(() => null);
  const groups = new Set(groupOf.filter((g): g is number => g !== null));
  for (const g of groups) {
    const members = items.map((_, i) => i).filter((i) => groupOf[i] === g);
    const r = rankValues(
      members.map((i) => items[i] as Rankable),
      lowestFirst,
    );
    members.forEach((i, j) => {
      ranks[i] = r[j] ?? null;
    });
  }
  return ranks;
}
