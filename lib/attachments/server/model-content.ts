import 'server-only';
import type { FilePart } from 'ai';
import { fileBlock } from '@/lib/ai/file-blocks';
import type { ChatTurn } from '@/lib/chat/server/chat-answer';
import type { Attachment } from '@/lib/chat/types';
import type { StoredAttachment } from '@/lib/db/attachment-store';

/**
 * A turn's text with its files: each text file as a block named by its file name, before the
 * message (long documents first, the question last, reads best to models), and each image as a
 * file part of its media type (on Chat Completions, an `image_url` with a data URL). The name in
 * the message wins over the stored one: the same content may have been attached under two names.
 */
export function turnWithFiles(role: ChatTurn['role'], text: string, attachments: readonly Attachment[], files: ReadonlyMap<string, StoredAttachment>): ChatTurn {
  const blocks: string[] = [];
  const images: FilePart[] = [];
  const decoder = new TextDecoder();
  for (const attachment of attachments) {
    const file = files.get(attachment.id);
    if (!file) continue;
    if (file.kind === 'image') images.push({ type: 'file', mediaType: file.mediaType, filename: attachment.name, data: { type: 'data', data: file.body } });
    else blocks.push(fileBlock(attachment.name, decoder.decode(file.body)));
  }
  return { role, content: [...blocks, text].filter(Boolean).join('\n\n'), images };
}
