/**
 * A resumable answer is named by an id the browser makes up before it asks (so it can be saved
 * before the first byte arrives), sent in this header; the answer is then at `answerStreamPath(id)`.
 */
export const STREAM_ID_HEADER = 'x-rill-stream-id';

/** What the server accepts as an id (a UUID fits); anything else is refused before it reaches a store key. */
export const STREAM_ID_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

export function answerStreamPath(streamId: string): string {
  return `/api/answers/${encodeURIComponent(streamId)}`;
}
