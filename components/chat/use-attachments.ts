'use client';

import { useEffect, type ClipboardEvent } from 'react';
import { cannotReadImages, readsImages } from '@/lib/attachments/rules';
import { draftBlocked, useAttachmentDraft } from '@/lib/stores/attachments';
import { useChatStore } from '@/lib/stores/chat/store';
import { useModelInfo } from '@/lib/stores/models';

/**
 * The draft message's files, as the composer needs them: the chips, what may be sent, and why not
 * yet (an upload in flight, a file that failed, an image for a model that reads text only).
 */
export function useDraftAttachments(conversationId: string | undefined) {
  const files = useAttachmentDraft((s) => s.files);
  const rules = useAttachmentDraft((s) => s.rules);
  const chosenModel = useChatStore((s) => (conversationId ? s.conversations[conversationId]?.settings.model : s.draftSettings.model));
  const info = useModelInfo((s) => s.data);
  useEffect(() => {
    void useAttachmentDraft.getState().loadRules();
    void useModelInfo.getState().load();
  }, []);

  const model = chosenModel ?? info?.model;
  const hasImage = files.some((file) => file.previewUrl !== undefined);
  const imagesRefused = rules && model && hasImage && !readsImages(rules, model) ? cannotReadImages(info?.mode === 'offline' ? 'The offline demo model' : model) : undefined;
  const add = useAttachmentDraft((s) => s.add);

  return {
    files,
    blocked: imagesRefused ?? draftBlocked(files),
    attachments: files.flatMap((file) => (file.status === 'ready' && file.attachment ? [file.attachment] : [])),
    add,
    remove: useAttachmentDraft((s) => s.remove),
    clear: useAttachmentDraft((s) => s.clear),
    /** A pasted image or file is attached; pasted text stays text. */
    onPaste: (event: ClipboardEvent<HTMLTextAreaElement>) => {
      const pasted = Array.from(event.clipboardData.files);
      if (pasted.length === 0 || event.clipboardData.types.includes('text/plain')) return;
      event.preventDefault();
      void add(pasted);
    },
  };
}
