import { humanSize } from './sizes';

export const ATTACHMENTS_URL = '/api/attachments';
/** Names an upload's body: the Attachment the message will hold, as URI-encoded JSON. */
export const ATTACHMENT_HEADER = 'x-attachment';

/** The server's attachment limits, as the browser learns them (GET /api/attachments). */
export interface AttachmentRules {
  maxBytes: number;
  perMessage: number;
  maxTextChars: number;
  /** Models that cannot read images; 'all' when none of this server's can (the offline model). */
  textOnlyModels: string[] | 'all';
  /** False when this deployment has nowhere to keep files (no database): attaching is off. */
  enabled: boolean;
}

export const noFilesMessage = 'This deployment keeps no files (it has no database): attachments are off. Paste the text into your message instead.';

export function readsImages(rules: Pick<AttachmentRules, 'textOnlyModels'>, model: string): boolean {
  return rules.textOnlyModels !== 'all' && !rules.textOnlyModels.includes(model);
}

/** What the user is told when a model cannot read an image they attached. */
export function cannotReadImages(model: string): string {
  return `${model} cannot read images; remove the image or pick another model.`;
}

/** Why a file this size may not be attached, or undefined when it may. */
export function tooLarge(name: string, size: number, maxBytes: number): string | undefined {
  return size > maxBytes ? `${name} is ${humanSize(size)}: files may be at most ${humanSize(maxBytes)}.` : undefined;
}

/** Why `adding` more files would be too many for one message, or undefined. */
export function tooMany(already: number, adding: number, perMessage: number): string | undefined {
  if (already + adding <= perMessage) return undefined;
  return perMessage === 0 ? 'Attachments are turned off on this server.' : `A message may carry at most ${perMessage} ${perMessage === 1 ? 'file' : 'files'}.`;
}

/** Text past `maxChars` is cut, and the model is told so in the text itself. */
export function capText(text: string, maxChars: number): { text: string; cut: boolean } {
  if (text.length <= maxChars) return { text, cut: false };
  return { text: `${text.slice(0, maxChars)}\n[… cut here: only the first ${maxChars.toLocaleString('en')} characters of this file were kept]`, cut: true };
}

/** Room for the note capText adds, on top of maxChars, when the server checks a text's length. */
export const CUT_NOTE_ALLOWANCE = 200;
