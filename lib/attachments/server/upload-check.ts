import 'server-only';
import { createHash } from 'node:crypto';
import type { AttachmentConfig } from '@/lib/config';
import { attachmentSchema } from '@/lib/chat/request-schema';
import type { RillErrorCode } from '@/lib/errors';
import { CONTENT_ID_PATTERN } from '../content-id';
import { isImageMediaType, isTextMediaType, type ImageMediaType } from '../kinds';
import { CUT_NOTE_ALLOWANCE, tooLarge } from '../rules';
import type { StoredAttachment } from '@/lib/db/attachment-store';

export type UploadCheck = { ok: true; attachment: StoredAttachment } | { ok: false; status: number; code?: RillErrorCode; message: string };

const refused = (status: number, message: string, code?: RillErrorCode): UploadCheck => ({ ok: false, status, message, ...(code ? { code } : {}) });

/** The `x-attachment` header: the Attachment the message will name it by, URI-encoded JSON. */
export function readAttachmentHeader(header: string | null) {
  try {
    const parsed = attachmentSchema.safeParse(JSON.parse(decodeURIComponent(header ?? '')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether an uploaded body may be kept, checked as the browser checked it and then some: its id is
 * its SHA-256, an image is one of the four formats its first bytes say it is, a text is UTF-8 within
 * the text limit. The declared size is of the file as picked (a PDF before its text was read).
 */
export function checkUpload(header: string | null, body: Uint8Array, limits: Pick<AttachmentConfig, 'maxBytes' | 'maxTextChars'>): UploadCheck {
  const attachment = readAttachmentHeader(header);
  if (!attachment) return refused(400, 'Send the attachment as the x-attachment header: URI-encoded JSON with id, name, mediaType, size and kind.');
  if (!CONTENT_ID_PATTERN.test(attachment.id)) return refused(400, 'An attachment id is the SHA-256 of its body, in lowercase hex.');
  const large = tooLarge(attachment.name, Math.max(attachment.size, body.byteLength), limits.maxBytes);
  if (large) return refused(413, large, 'too_large');
  if (createHash('sha256').update(body).digest('hex') !== attachment.id) return refused(400, `${attachment.name} did not arrive whole: its content does not match its id.`);
  if (attachment.kind === 'image') {
    if (!isImageMediaType(attachment.mediaType) || sniffImage(body) !== attachment.mediaType) {
      return refused(415, `${attachment.name} is not a PNG, JPEG, WebP or GIF image.`, 'unsupported_media_type');
    }
  } else {
    if (!isTextMediaType(attachment.mediaType)) return refused(415, `${attachment.name}: ${attachment.mediaType} is not a file type Rill reads as text.`, 'unsupported_media_type');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      return refused(415, `${attachment.name}: its text is not UTF-8.`, 'unsupported_media_type');
    }
    if (text.length > limits.maxTextChars + CUT_NOTE_ALLOWANCE) return refused(413, `${attachment.name} has more than ${limits.maxTextChars.toLocaleString('en')} characters of text.`, 'too_large');
  }
  return { ok: true, attachment: { ...attachment, body } };
}

/** The image format a body's first bytes name, if one Rill accepts. */
export function sniffImage(body: Uint8Array): ImageMediaType | undefined {
  const starts = (...bytes: number[]) => bytes.every((byte, index) => body[index] === byte);
  const ascii = (from: number, text: string) => [...text].every((character, index) => body[from + index] === character.charCodeAt(0));
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  return undefined;
}
