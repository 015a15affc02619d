'use client';

import { useEffect, useState } from 'react';
import { bodyOf } from '@/lib/attachments/attachment-bodies';
import { ATTACHMENTS_URL } from '@/lib/attachments/rules';
import { humanSize } from '@/lib/attachments/sizes';
import type { Attachment } from '@/lib/chat/types';
import { FileIcon } from './icons';

/** The files a sent message carried: images as thumbnails, other files as chips with name and size. */
export function MessageAttachments({ attachments }: { attachments: readonly Attachment[] }) {
  return (
    <ul aria-label="Attached files" className="mb-1.5 flex max-w-[85%] flex-wrap justify-end gap-2">
      {attachments.map((attachment) => (
        <li key={attachment.id} title={`${attachment.name} · ${humanSize(attachment.size)}`}>
          {attachment.kind === 'image' ? (
            <AttachedImage attachment={attachment} />
          ) : (
            <span className="flex items-center gap-2 rounded-lg border border-zinc-200 px-2 py-1.5 text-xs dark:border-zinc-700">
              <FileIcon />
              <span className="max-w-48 truncate font-medium text-zinc-800 dark:text-zinc-100">{attachment.name}</span>
              <span className="text-zinc-600 dark:text-zinc-400">{humanSize(attachment.size)}</span>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** An image from this browser's IndexedDB; the server's copy when this browser has none (another device, cleared storage). */
function AttachedImage({ attachment }: { attachment: Attachment }) {
  const [url, setUrl] = useState<string | undefined>();
  useEffect(() => {
    let objectUrl: string | undefined;
    let gone = false;
    void bodyOf(attachment).then((blob) => {
      if (gone) return;
      objectUrl = blob ? URL.createObjectURL(blob) : undefined;
      setUrl(objectUrl ?? `${ATTACHMENTS_URL}/${attachment.id}`);
    });
    return () => {
      gone = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [attachment]);
  return url ? (
    // eslint-disable-next-line @next/next/no-img-element -- the user's own file from IndexedDB: nothing for Next's image optimiser to do.
    <img src={url} alt={attachment.name} className="h-24 w-24 rounded-lg border border-zinc-200 object-cover dark:border-zinc-700" />
  ) : (
    <span role="img" aria-label={attachment.name} className="block h-24 w-24 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800" />
  );
}
