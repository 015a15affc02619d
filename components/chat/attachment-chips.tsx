'use client';

import { humanSize } from '@/lib/attachments/sizes';
import { useAttachmentDraft, type DraftFile } from '@/lib/stores/attachments';
import { CloseIcon, FileIcon } from './icons';

const STATUS_TEXT: Record<DraftFile['status'], string> = { reading: 'Reading…', uploading: 'Uploading…', ready: '', failed: 'Failed' };

/** The draft's files as chips: thumbnail or file icon, name, size, where it is, and a remove button. */
export function AttachmentChips({ files, onRemove }: { files: readonly DraftFile[]; onRemove: (key: string) => void }) {
  if (files.length === 0) return null;
  return (
    <ul aria-label="Files to send" className="flex flex-wrap gap-2 px-1 pb-2">
      {files.map((file) => (
        <li
          key={file.key}
          data-status={file.status}
          className={`flex max-w-full items-center gap-2 rounded-lg border py-1 pl-1 pr-1.5 text-xs ${file.status === 'failed' ? 'border-red-300 dark:border-red-800' : 'border-zinc-200 dark:border-zinc-700'}`}
        >
          {file.previewUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- an object URL of the user's own file: nothing for Next's image optimiser to do.
            <img src={file.previewUrl} alt="" className="h-8 w-8 shrink-0 rounded object-cover" />
          ) : (
            <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
              <FileIcon />
            </span>
          )}
          <span className="min-w-0">
            <span className="block max-w-40 truncate font-medium text-zinc-800 dark:text-zinc-100">{file.name}</span>
            <span className="block text-zinc-600 dark:text-zinc-400">
              {humanSize(file.size)}
              {STATUS_TEXT[file.status] && ` · ${STATUS_TEXT[file.status]}`}
            </span>
            {file.error && (
              <span role="alert" className="block max-w-60 text-red-700 dark:text-red-300">
                {file.error}
              </span>
            )}
          </span>
          <button
            type="button"
            onClick={() => onRemove(file.key)}
            aria-label={`Remove ${file.name}`}
            className="rounded p-1 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
          >
            <CloseIcon />
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Why files just picked were not attached: said at once (role=alert), the text and other files untouched. */
export function AttachmentNotice() {
  const notice = useAttachmentDraft((s) => s.notice);
  const dismiss = useAttachmentDraft((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div role="alert" className="mb-2 flex items-start gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
      <p className="flex-1">{notice}</p>
      <button type="button" onClick={dismiss} aria-label="Dismiss" className="rounded p-1 hover:bg-red-100 dark:hover:bg-red-900">
        <CloseIcon />
      </button>
    </div>
  );
}
