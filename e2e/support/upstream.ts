import { fillerTokens } from '../fake-upstream/answer.mjs';
import type { FakeUpstreamRecord } from '../fake-upstream/server.d.mts';
import { fakeUpstreamURL } from '../ports';

/** The fake upstream's record of requests whose body contains `marker` (a unique string per test). */
export async function upstreamRequests(marker: string): Promise<FakeUpstreamRecord[]> {
  const response = await fetch(`${fakeUpstreamURL}/__log?contains=${encodeURIComponent(marker)}`);
  const { requests } = (await response.json()) as { requests: FakeUpstreamRecord[] };
  return requests;
}

/** A marker unique to one test run, to find that test's requests in the shared log. */
export function uniqueMarker(label: string): string {
  return `${label}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Lets answers stopped by `[[hold N]]` (in a message containing `marker`) go on to their next hold
 * or their end. Waits for one to reach its hold first; fails if none does.
 */
export async function releaseHeld(marker: string): Promise<void> {
  const response = await fetch(`${fakeUpstreamURL}/__release?contains=${encodeURIComponent(marker)}`, { method: 'POST' });
  if (!response.ok) throw new Error(`no answer containing ${marker} was held`);
}

/** The words `[[long N]]` adds to an answer, as they read on screen. */
export function fillerWords(n: number): string[] {
  return fillerTokens(n).map((token) => token.trim());
}

/** Text as the fake model's tokens count it: one word (with its punctuation) each. */
export function wordsOf(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}
