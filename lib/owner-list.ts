/** An item of a list one owner keeps (a saved prompt, a glossary): an identity and a version. */
export interface Versioned {
  id: string;
  /** When it was last changed (epoch ms): of two copies of one item, the newer wins. */
  updatedAt: number;
}

/**
 * Two lists as one: every item either has, and of one both have (the same id), the newer. For an
 * imported file, and a guest's list meeting their account's: nothing is taken for deleted.
 */
export function mergeNewest<T extends Versioned>(mine: readonly T[], theirs: readonly T[]): T[] {
  const merged = new Map(mine.map((item) => [item.id, item]));
  for (const item of theirs) {
    const kept = merged.get(item.id);
    if (!kept || item.updatedAt > kept.updatedAt) merged.set(item.id, item);
  }
  return [...merged.values()];
}

/** The same items, in the same order, at the same versions: then nothing needs saving. */
export function sameVersions(a: readonly Versioned[], b: readonly Versioned[]): boolean {
  return a.length === b.length && a.every((item, index) => item.id === b[index]!.id && item.updatedAt === b[index]!.updatedAt);
}
