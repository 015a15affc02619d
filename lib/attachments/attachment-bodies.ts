import { createStore, get, set, type UseStore } from 'idb-keyval';
import { errorFromResponse, rillError, type RillError } from '@/lib/errors';
import type { Attachment } from '@/lib/chat/types';
import { ATTACHMENT_HEADER, ATTACHMENTS_URL } from './rules';

/**
 * Where the browser keeps attachment bodies: IndexedDB, never localStorage, which holds a few MB for
 * every conversation together. The server keeps them too (POST /api/attachments), so another device,
 * or this one after its storage was cleared, still has them.
 */

let bodies: UseStore | undefined;
const store = () => (bodies ??= createStore('rill-attachments', 'bodies'));

/** The body as a Blob of its media type (text bodies are UTF-8 text). */
function blobOf(attachment: Attachment, body: Uint8Array | Blob): Blob {
  return body instanceof Blob ? body : new Blob([body as Uint8Array<ArrayBuffer>], { type: attachment.kind === 'image' ? attachment.mediaType : 'text/plain;charset=utf-8' });
}

/** Keeps the body in this browser; a browser that refuses (private mode, full disk) still has the server's copy. */
export async function keepBody(attachment: Attachment, body: Uint8Array | Blob): Promise<void> {
  try {
    await set(attachment.id, blobOf(attachment, body), store());
  } catch {
    // The server's copy is the one that counts.
  }
}

/** The body from this browser, else from the server (then kept here); undefined when neither has it. */
export async function bodyOf(attachment: Attachment): Promise<Blob | undefined> {
  try {
    const kept = await get<Blob>(attachment.id, store());
    if (kept) return kept;
  } catch {
    // Asked of the server instead.
  }
  try {
    const response = await fetch(`${ATTACHMENTS_URL}/${attachment.id}`);
    if (!response.ok) return undefined;
    const blob = blobOf(attachment, await response.blob());
    await keepBody(attachment, blob);
    return blob;
  } catch {
    return undefined;
  }
}

/** Sends the body to the server, which keeps it for the model and for this visitor's other devices. */
export async function uploadBody(attachment: Attachment, body: Uint8Array | Blob, signal?: AbortSignal): Promise<RillError | null> {
  try {
    const response = await fetch(ATTACHMENTS_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', [ATTACHMENT_HEADER]: encodeURIComponent(JSON.stringify(attachment)) },
      body: blobOf(attachment, body),
      signal,
    });
    return response.ok ? null : await errorFromResponse(response);
  } catch (error) {
    if (signal?.aborted) return null;
    return rillError('network', `${attachment.name} could not be uploaded: ${error instanceof Error ? error.message : 'the server could not be reached'}.`);
  }
}
