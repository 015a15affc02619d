// Types for answer.mjs, for the specs that check what the fake model says.

/** The N filler tokens `[[long N]]` appends, each with the space in front of it. */
export function fillerTokens(n: number): string[];
