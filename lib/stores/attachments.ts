import { create } from 'zustand';
import { keepBody, uploadBody } from '@/lib/attachments/attachment-bodies';
import { fileKind } from '@/lib/attachments/kinds';
import { readAttachment, UnreadableFile } from '@/lib/attachments/read-file';
import { ATTACHMENTS_URL, noFilesMessage, tooLarge, tooMany, type AttachmentRules } from '@/lib/attachments/rules';
import type { Attachment } from '@/lib/chat/types';

/** A file in the message being written: read in the browser, then uploaded; only then may it be sent. */
export interface DraftFile {
  /** This chip's own key: the same file attached twice is two chips until it is read. */
  key: string;
  name: string;
  size: number;
  status: 'reading' | 'uploading' | 'ready' | 'failed';
  /** Known once it is read. */
  attachment?: Attachment;
  /** An image's thumbnail (an object URL, revoked when the chip goes). */
  previewUrl?: string;
  error?: string;
}

export interface AttachmentDraftState {
  files: DraftFile[];
  /** Why the last files picked were not all attached; the others stay. */
  notice: string | null;
  rules: AttachmentRules | null;
  /** Checks, reads and uploads the files picked, dropped or pasted. */
  add: (files: readonly File[]) => Promise<void>;
  remove: (key: string) => void;
  /** After sending: the chips go (their bodies stay in IndexedDB and on the server). */
  clear: () => void;
  dismissNotice: () => void;
  loadRules: () => Promise<AttachmentRules | null>;
}

/** The draft message's files: one draft, like the text in the box, whichever conversation is open. */
export const useAttachmentDraft = create<AttachmentDraftState>()((set, get) => {
  const patch = (key: string, change: Partial<DraftFile>) => set((state) => ({ files: state.files.map((file) => (file.key === key ? { ...file, ...change } : file)) }));
  const uploads = new Map<string, AbortController>();

  const attachOne = async (key: string, file: File, rules: AttachmentRules) => {
    let read;
    try {
      read = await readAttachment(file, rules.maxTextChars);
    } catch (error) {
      patch(key, { status: 'failed', error: error instanceof UnreadableFile ? error.message : `${file.name} could not be read.` });
      return;
    }
    if (!get().files.some((draft) => draft.key === key)) return;
    if (get().files.some((draft) => draft.key !== key && draft.attachment?.id === read.attachment.id)) {
      get().remove(key);
      set({ notice: `${file.name} is attached already.` });
      return;
    }
    patch(key, { status: 'uploading', attachment: read.attachment });
    const controller = new AbortController();
    uploads.set(key, controller);
    const [failure] = await Promise.all([uploadBody(read.attachment, read.body, controller.signal), keepBody(read.attachment, read.body)]);
    uploads.delete(key);
    if (controller.signal.aborted) return;
    patch(key, failure ? { status: 'failed', error: failure.message } : { status: 'ready' });
  };

  return {
    files: [],
    notice: null,
    rules: null,
    loadRules: async () => {
      if (get().rules) return get().rules;
      try {
        const response = await fetch(ATTACHMENTS_URL);
        if (!response.ok) return null;
        const rules = (await response.json()) as AttachmentRules;
        set({ rules });
        return rules;
      } catch {
        return null;
      }
    },
    add: async (picked) => {
      if (picked.length === 0) return;
      const rules = await get().loadRules();
      if (!rules) return set({ notice: 'Files cannot be attached just now: the server could not be reached.' });
      if (!rules.enabled) return set({ notice: rules.perMessage === 0 ? 'Attachments are turned off on this server.' : noFilesMessage });
      const problems: string[] = [];
      const accepted: File[] = [];
      for (const file of picked) {
        const kind = fileKind(file.name, file.type);
        const refusal = kind.kind === 'refused' ? kind.reason : tooLarge(file.name, file.size, rules.maxBytes);
        if (refusal) problems.push(refusal);
        else if (tooMany(get().files.length + accepted.length, 1, rules.perMessage)) {
          problems.push(`${tooMany(get().files.length + accepted.length, 1, rules.perMessage)} ${file.name} was not attached.`);
        } else accepted.push(file);
      }
      const added: DraftFile[] = accepted.map((file) => ({
        key: crypto.randomUUID(),
        name: file.name,
        size: file.size,
        status: 'reading',
        ...(fileKind(file.name, file.type).kind === 'image' ? { previewUrl: URL.createObjectURL(file) } : {}),
      }));
      set((state) => ({ files: [...state.files, ...added], notice: problems.length > 0 ? problems.join(' ') : null }));
      await Promise.all(added.map((draft, index) => attachOne(draft.key, accepted[index]!, rules)));
    },
    remove: (key) => {
      const file = get().files.find((draft) => draft.key === key);
      if (!file) return;
      if (file.previewUrl) URL.revokeObjectURL(file.previewUrl);
      uploads.get(key)?.abort();
      set((state) => ({ files: state.files.filter((draft) => draft.key !== key) }));
    },
    clear: () => {
      for (const file of get().files) if (file.previewUrl) URL.revokeObjectURL(file.previewUrl);
      set({ files: [], notice: null });
    },
    dismissNotice: () => set({ notice: null }),
  };
});

/** Why the draft cannot be sent yet (files still on their way, or failed), or undefined when it can. */
export function draftBlocked(files: readonly DraftFile[]): string | undefined {
  if (files.some((file) => file.status === 'failed')) return 'Remove the files that could not be attached, then send.';
  if (files.some((file) => file.status !== 'ready')) return 'Waiting for the files to upload…';
  return undefined;
}
