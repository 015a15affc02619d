import type { ExportedAttachment } from '@/lib/chat/conversation-file';
import type { Attachment } from '@/lib/chat/types';
import { bodyOf, keepBody, uploadBody } from './attachment-bodies';
import { fromBase64, toBase64 } from './base64';
import { contentId } from './content-id';

/** The bodies of these files for an export, from this browser or the server; the names of any neither has. */
export async function bodiesForExport(attachments: readonly Attachment[]): Promise<{ bodies: ExportedAttachment[]; missing: string[] }> {
  const bodies: ExportedAttachment[] = [];
  const missing: string[] = [];
  for (const attachment of attachments) {
    const blob = await bodyOf(attachment);
    if (blob) bodies.push({ ...attachment, body: toBase64(new Uint8Array(await blob.arrayBuffer())) });
    else missing.push(attachment.name);
  }
  return { bodies, missing };
}

/**
 * Puts imported bodies back: in this browser, and on the server for the model. A body that is not
 * the content its id names (an edited file) is left out. Returns the names of the files not restored.
 */
export async function restoreImportedBodies(imported: readonly ExportedAttachment[]): Promise<string[]> {
  const failed: string[] = [];
  for (const { body, ...attachment } of imported) {
    const bytes = fromBase64(body);
    if ((await contentId(bytes)) !== attachment.id) {
      failed.push(attachment.name);
      continue;
    }
    const [problem] = await Promise.all([uploadBody(attachment, bytes), keepBody(attachment, bytes)]);
    if (problem) failed.push(attachment.name);
  }
  return failed;
}
