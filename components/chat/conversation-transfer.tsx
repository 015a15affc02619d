'use client';

import { useRef, useState, type ChangeEvent } from 'react';
import { useChatStore } from '@/lib/stores/chat/store';
import { downloadFile } from './download-file';

// File formats and their validation (zod) load on first use, not with the page.
const loadConversationFile = () => import('@/lib/chat/conversation-file');
const loadAttachmentTransfer = () => import('@/lib/attachments/transfer');

/** Export all conversations as JSON, and import such a file back (validated, all or nothing). */
export function ConversationTransfer() {
  const input = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const importConversations = useChatStore((s) => s.importConversations);

  const exportAll = async () => {
    const [{ attachmentsIn, conversationsToJson }, { bodiesForExport }] = await Promise.all([loadConversationFile(), loadAttachmentTransfer()]);
    const conversations = Object.values(useChatStore.getState().conversations);
    // The files' bodies travel in the file, so an import elsewhere has them without this server.
    const { bodies, missing } = await bodiesForExport(attachmentsIn(conversations));
    downloadFile(`rill-conversations-${new Date().toISOString().slice(0, 10)}.json`, conversationsToJson(conversations, new Date(), bodies), 'application/json');
    if (missing.length > 0) setNotice({ kind: 'error', text: `Exported without ${missing.join(', ')}: neither this browser nor the server has ${missing.length === 1 ? 'that file' : 'those files'}.` });
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const { parseConversationFile } = await loadConversationFile();
    const result = parseConversationFile(await file.text());
    if (!result.ok) return setNotice({ kind: 'error', text: result.error });
    const notRestored = result.attachments ? await (await loadAttachmentTransfer()).restoreImportedBodies(result.attachments) : [];
    importConversations(result.conversations);
    const imported = `Imported ${result.conversations.length} conversation${result.conversations.length === 1 ? '' : 's'}.`;
    if (notRestored.length > 0) setNotice({ kind: 'error', text: `${imported} These files could not be restored: ${notRestored.join(', ')}.` });
    else setNotice({ kind: 'ok', text: imported });
  };

  const button = 'flex-1 rounded-md px-2 py-1.5 text-xs font-medium text-zinc-600 hover:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800';
  return (
    <div className="border-t border-zinc-200 p-2 dark:border-zinc-800">
      {notice && (
        <p role={notice.kind === 'error' ? 'alert' : 'status'} className={`mb-2 px-1 text-xs ${notice.kind === 'error' ? 'text-red-700 dark:text-red-300' : 'text-emerald-700 dark:text-emerald-300'}`}>
          {notice.text}
        </p>
      )}
      <div className="flex gap-1">
        <button type="button" className={button} onClick={() => void exportAll()}>
          Export all
        </button>
        <button type="button" className={button} onClick={() => input.current?.click()}>
          Import
        </button>
        <input ref={input} type="file" accept="application/json,.json" aria-label="Import conversations file" className="hidden" onChange={(event) => void onFile(event)} />
      </div>
    </div>
  );
}
