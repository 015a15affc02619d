'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { memo, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ConversationMatch } from '@/lib/chat/conversation-search';
import { useChatStore } from '@/lib/stores/chat/store';
import { useSearchMatch } from '@/lib/stores/search-match';
import { focusUndoOfNextDelete } from './delete-focus';
import { PencilIcon, TrashIcon } from './icons';
import { MarkedText } from './marked-text';

const iconButton = 'rounded p-1 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-zinc-100';

interface ConversationRowProps {
  id: string;
  active: boolean;
  /** Where a search matched it: the title is marked, or the matching message shows under it. */
  match?: ConversationMatch;
  onNavigate: () => void;
}

// Memoised: while a search is on, the list is recomputed as answers stream, and a row whose match
// stayed the same object need not render again.
export const ConversationRow = memo(function ConversationRow({ id, active, match, onNavigate }: ConversationRowProps) {
  const router = useRouter();
  const title = useChatStore((s) => s.conversations[id]?.title ?? '');
  const rename = useChatStore((s) => s.rename);
  const remove = useChatStore((s) => s.remove);
  const openMatch = useSearchMatch((s) => s.open);
  const snippetId = useId();
  const inMessage = match?.messageId !== undefined;
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(title);
  const link = useRef<HTMLAnchorElement>(null);
  // An edit ends once, by whichever comes first: Enter, Esc, or the blur of the field going away.
  const editing = useRef(false);
  const focusLinkAfterEdit = useRef(false);

  const startRename = () => {
    editing.current = true;
    setDraft(title);
    setRenaming(true);
  };
  const endRename = ({ save, focusRow }: { save: boolean; focusRow: boolean }) => {
    if (!editing.current) return;
    editing.current = false;
    if (save) rename(id, draft);
    focusLinkAfterEdit.current = focusRow;
    setRenaming(false);
  };
  const submitRename = (event: FormEvent) => {
    event.preventDefault();
    endRename({ save: true, focusRow: true });
  };

  // The field is gone: the focus goes back to the row (its link says the new title), not to the page's body.
  useEffect(() => {
    if (renaming || !focusLinkAfterEdit.current) return;
    focusLinkAfterEdit.current = false;
    link.current?.focus();
  }, [renaming]);

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
            // A blur towards another control leaves the focus there; one towards nothing brings it back to the row.
            onBlur={(event) => endRename({ save: true, focusRow: event.relatedTarget === null })}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              event.preventDefault();
              endRename({ save: false, focusRow: true });
            }}
            className="w-full rounded-md border border-brand bg-white px-2 py-1.5 text-sm outline-none dark:bg-zinc-950"
          />
        </form>
      </li>
    );
  }

  return (
    <li className={`group relative grid grid-cols-[minmax(0,1fr)_auto] items-center rounded-md ${active ? 'bg-zinc-200 dark:bg-zinc-800' : 'hover:bg-zinc-100 dark:hover:bg-zinc-800/60'}`}>
      <Link
        ref={link}
        href={`/chat/${id}`}
        data-conversation-link={id}
        onClick={() => {
          if (match?.messageId !== undefined) openMatch({ conversationId: id, messageId: match.messageId, terms: match.terms });
          onNavigate();
        }}
        aria-current={active ? 'page' : undefined}
        aria-describedby={inMessage ? snippetId : undefined}
        // The link's name stays the title; its ::after covers the row, so the snippet opens it too.
        className="truncate px-2 py-2 text-sm after:absolute after:inset-0 after:rounded-md"
      >
        {match && !inMessage ? <MarkedText {...match.snippet} /> : title}
      </Link>
      <span className="relative flex shrink-0 pr-1 md:opacity-0 md:group-hover:opacity-100 md:group-focus-within:opacity-100">
        <button
          type="button"
          aria-label="Rename conversation"
          title="Rename"
          className={iconButton}
          onClick={startRename}
        >
          <PencilIcon />
        </button>
        <button
          type="button"
          aria-label="Delete conversation"
          title="Delete"
          className={iconButton}
          onClick={() => {
            focusUndoOfNextDelete();
            remove(id);
            if (active) router.push('/chat');
          }}
        >
          <TrashIcon />
        </button>
      </span>
      {inMessage && (
        <p id={snippetId} className="col-span-2 -mt-1.5 mb-2 line-clamp-2 px-2 text-xs text-zinc-600 dark:text-zinc-400">
          <MarkedText {...match.snippet} />
        </p>
      )}
    </li>
  );
});
