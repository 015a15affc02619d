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
