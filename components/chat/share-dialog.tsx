'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { errorTitle } from '@/lib/errors';
import type { ShareLink } from '@/lib/db/share-store';
import { SHARE_EXPIRY_DAYS, sharePath, type ShareExpiryDays } from '@/lib/share/share-link';
import { useShareStore } from '@/lib/stores/share';

const noLinks: ShareLink[] = [];
const button = 'rounded-md px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-50 dark:hover:bg-zinc-800';
const field = 'rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm outline-none focus:border-brand dark:border-zinc-700 dark:bg-zinc-950';

const linkUrl = (id: string) => `${window.location.origin}${sharePath(id)}`;
const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * "Share": a read-only link to the conversation as it is now. A modal dialog (native: it keeps the
 * focus inside, and Esc closes it); `onClose` runs however it closes, to give the focus back.
 */
export function ShareDialog({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const linkInput = useRef<HTMLInputElement>(null);
  const ids = useId();
  const links = useShareStore((s) => s.links[conversationId]) ?? noLinks;
  const created = useShareStore((s) => (s.created?.conversationId === conversationId ? s.created.link : null));
  const busy = useShareStore((s) => s.busy);
  const error = useShareStore((s) => s.error);
  const [includeSettings, setIncludeSettings] = useState(false);
  const [expiresInDays, setExpiresInDays] = useState<ShareExpiryDays | undefined>(undefined);
  // Said of one link: a newer link starts with nothing said.
  const [copied, setCopied] = useState<{ id: string; how: 'copied' | 'select' } | null>(null);
  const copiedHow = copied && copied.id === created?.id ? copied.how : null;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    void useShareStore.getState().load(conversationId);
    return () => useShareStore.getState().close();
  }, [conversationId]);

  // The new link takes the focus, selected, so it can be copied at once by keyboard too.
  useEffect(() => linkInput.current?.focus(), [created?.id]);

  const copy = async (id: string) => {
    try {
      await navigator.clipboard.writeText(linkUrl(id));
      setCopied({ id, how: 'copied' });
    } catch {
      // No clipboard (permission refused): the link is selected for the user to copy.
      linkInput.current?.select();
      setCopied({ id, how: 'select' });
    }
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-about`}
      onClose={onClose}
      className="m-auto max-h-[calc(100dvh-2rem)] w-[min(32rem,calc(100vw-2rem))] overflow-y-auto rounded-xl border border-zinc-200 bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-black/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id={`${ids}-title`} className="text-base font-semibold">
        Share this conversation
      </h2>
      <p id={`${ids}-about`} className="mt-1 text-sm text-zinc-600 dark:text-zinc-300">
        Anyone with the link can read a copy of this conversation as it is now. Later messages are not shared.
      </p>

      <form
        className="mt-4 flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          void useShareStore.getState().create(conversationId, { includeSettings, expiresInDays });
        }}
      >
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" checked={includeSettings} onChange={(event) => setIncludeSettings(event.target.checked)} className="mt-0.5 accent-brand" />
          <span>Include settings (system prompt, model, temperature)</span>
        </label>
        <label className="flex flex-wrap items-center gap-2 text-sm">
          <span>Link expires</span>
          <select className={field} value={expiresInDays ?? ''} onChange={(event) => setExpiresInDays(event.target.value ? (Number(event.target.value) as ShareExpiryDays) : undefined)}>
            <option value="">Never</option>
            {SHARE_EXPIRY_DAYS.map((days) => (
              <option key={days} value={days}>
                {days === 1 ? '1 day' : `${days} days`}
              </option>
            ))}
          </select>
        </label>
        <div>
          <button type="submit" disabled={busy} className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-dark disabled:opacity-50">
            Create link
          </button>
        </div>
      </form>

      {error && (
        <div role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm dark:border-red-900 dark:bg-red-950/50">
          <p className="font-medium text-red-800 dark:text-red-200">{errorTitle(error)}</p>
          <p className="text-red-700 dark:text-red-300">{error.message}</p>
        </div>
      )}

      {created && (
        <div className="mt-4 flex flex-col gap-1">
          <label htmlFor={`${ids}-link`} className="text-sm font-medium">
            Share link
          </label>
          <div className="flex gap-2">
            <input ref={linkInput} id={`${ids}-link`} readOnly value={linkUrl(created.id)} className={`${field} min-w-0 flex-1`} onFocus={(event) => event.target.select()} />
            <button type="button" className={`${button} border border-zinc-300 dark:border-zinc-700`} onClick={() => void copy(created.id)}>
              Copy link
            </button>
          </div>
          <p role="status" className="min-h-5 text-xs text-zinc-600 dark:text-zinc-300">
            {copiedHow === 'copied' ? 'Copied.' : copiedHow === 'select' ? 'The link is selected: press Ctrl+C (⌘C) to copy it.' : ''}
          </p>
        </div>
      )}

      <section aria-labelledby={`${ids}-links`} className="mt-4">
        <h3 id={`${ids}-links`} className="text-sm font-medium">
          Links to this conversation
        </h3>
        {links.length === 0 ? (
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-300">None open.</p>
        ) : (
          <ul aria-labelledby={`${ids}-links`} className="mt-1 flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
            {links.map((link) => (
              <li key={link.id} className="flex items-center gap-2 py-1.5 text-sm">
                <span id={`${ids}-${link.id}`} className="min-w-0 flex-1 text-zinc-600 dark:text-zinc-300">
                  Made {when(link.createdAt)} · {link.expiresAt === null ? 'never expires' : `expires ${when(link.expiresAt)}`}
                </span>
                <button type="button" disabled={busy} aria-describedby={`${ids}-${link.id}`} className={`${button} text-red-700 dark:text-red-300`} onClick={() => void useShareStore.getState().revoke(conversationId, link.id)}>
                  Revoke
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="mt-4 flex justify-end">
        <button type="button" className={button} onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
