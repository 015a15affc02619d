'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useChatStore } from '@/lib/stores/chat/store';
import { PencilIcon, TrashIcon } from './icons';

const iconButton = 'rounded p-1 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-zinc-100';

export function ConversationRow({ id, active, onNavigate }: { id: string; active: boolean; onNavigate: () => void }) {
  const router = useRouter();
  const title = useChatStore((s) => s.conversations[id]?.title ?? '');
  const rename = useChatStore((s) => s.rename);
  const remove = useChatStore((s) => s.remove);
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(title);

  const submitRename = (event?: FormEvent) => {
    event?.preventDefault();
    rename(id, draft);
    setRenaming(false);
  };

  if (renaming) {
    return (
      <li>
        <form onSubmit={submitRename} className="px-1 py-0.5">
          <input
            aria-label="Conversation title"
            value={draft}
            autoFocus
            maxLength={200}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={() => submitRename()}
            onKeyDown={(event) => event.key === 'Escape' && (event.preventDefault(), setRenaming(false))}
            className="w-full rounded-md border border-brand bg-white px-2 py-1.5 text-sm outline-none dark:bg-zinc-950"
          />
        </form>
      </li>
    );
  }

  return (
    <li className={`group flex items-center rounded-md ${active ? 'bg-zinc-200 dark:bg-zinc-800' : 'hover:bg-zinc-100 dark:hover:bg-zinc-800/60'}`}>
      <Link
        href={`/chat/${id}`}
        onClick={onNavigate}
        aria-current={active ? 'page' : undefined}
        className="min-w-0 flex-1 truncate px-2 py-2 text-sm"
      >
        {title}
      </Link>
      <span className="flex shrink-0 pr-1 md:opacity-0 md:group-hover:opacity-100 md:group-focus-within:opacity-100">
        <button
          type="button"
          aria-label="Rename conversation"
          title="Rename"
          className={iconButton}
          onClick={() => {
            setDraft(title);
            setRenaming(true);
          }}
        >
          <PencilIcon />
        </button>
        <button
          type="button"
          aria-label="Delete conversation"
          title="Delete"
          className={iconButton}
          onClick={() => {
            remove(id);
            if (active) router.push('/chat');
          }}
        >
          <TrashIcon />
        </button>
      </span>
    </li>
  );
}
