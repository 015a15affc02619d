import { errorFromResponse, rillError, type RillError } from '@/lib/errors';

/** A JSON route's answer in the browser: its body, or the RillError to show. */
export type JsonResult<T> = { ok: true; data: T } | { ok: false; error: RillError };

/** Fetches a JSON route; never throws: a refusal or a network failure is a RillError with a message. */
export async function requestJson<T>(url: string, init: RequestInit): Promise<JsonResult<T>> {
  try {
    const response = await fetch(url, init);
    if (!response.ok) return { ok: false, error: await errorFromResponse(response) };
    return { ok: true, data: (response.status === 204 ? null : await response.json()) as T };
  } catch {
    return { ok: false, error: rillError('network', 'Rill could not reach its server. Check your connection and try again.') };
  }
}
