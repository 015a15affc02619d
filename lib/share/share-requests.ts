import { requestJson, type JsonResult } from '@/lib/client/json-client';
import type { ShareLink, SharedConversation } from '@/lib/db/share-store';
import type { CreateShareRequest } from './share-request';

/** The browser's side of the share routes; never throws: a failure is a RillError the dialog shows. */
export type ShareRequestResult<T> = JsonResult<T>;

export function createShare(request: CreateShareRequest): Promise<ShareRequestResult<{ link: ShareLink }>> {
  return requestJson('/api/shares', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
}

export function listShares(conversationId: string): Promise<ShareRequestResult<{ links: ShareLink[] }>> {
  return requestJson(`/api/shares?conversationId=${encodeURIComponent(conversationId)}`, { headers: { accept: 'application/json' } });
}

export function revokeShare(shareId: string): Promise<ShareRequestResult<null>> {
  return requestJson(`/api/shares/${encodeURIComponent(shareId)}`, { method: 'DELETE' });
}

export function fetchSharedConversation(shareId: string): Promise<ShareRequestResult<{ share: SharedConversation }>> {
  return requestJson(`/api/shares/${encodeURIComponent(shareId)}`, { headers: { accept: 'application/json' } });
}
