/**
 * An attachment's id is the SHA-256 of its body, in hex: the server checks it on upload, so an id
 * names one content for every owner, and a cached answer about one file is never served for another.
 */
export async function contentId(body: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', body as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export const CONTENT_ID_PATTERN = /^[0-9a-f]{64}$/;
