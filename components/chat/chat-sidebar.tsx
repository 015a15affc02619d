'use client';

import { useDeferredValue, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { listConversationIds } from '@/lib/chat/conversation-list';
import { useChatStore } from '@/lib/stores/chat/store';
import { ConversationRow } from './conversation-row';
import { PlusIcon } from './icons';
import { ConversationTransfer } from './conversation-transfer';
import { UndoDelete } from './undo-delete';
import { useConversationSearch } from './use-conversation-search';
import { useModalDrawer } from './use-modal-drawer';

interface ChatSidebarProps {
  activeId: string | undefined;
  /** Phones only: the sidebar is a drawer over the chat, a modal dialog while open. */
  open: boolean;
  onClose: () => void;
  onNewChat: () => void;
  ready: boolean;
}

export function ChatSidebar({ activeId, open, onClose, onNewChat, ready }: ChatSidebarProps) {
  const [query, setQuery] = useState('');
  // Typing stays responsive on a thousand conversations: the results follow a keystroke behind if need be.
  const { results, indexing, failed, prepare } = useConversationSearch(useDeferredValue(query));
  const searched = results !== null || indexing || failed;
  // Ids only (compared shallowly): a streamed token does not re-render the list.
  const allIds = useChatStore(useShallow((s) => (searched ? noIds : listConversationIds(s.conversations))));
  const ids = searched ? (results?.ids ?? noIds) : allIds;

  const layer = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const dialogProps = useModalDrawer({ open, onClose, layer, panel });

  return (
    <div ref={layer} className="contents">
      {open && <div className="fixed inset-0 z-30 bg-black/40 md:hidden" onClick={onClose} aria-hidden />}
      {/* A landmark beside the chat; on a phone, while open, a dialog over it (dialogProps). */}
      <div
        ref={panel}
        role="complementary"
        aria-label="Conversations"
        {...dialogProps}
        className={`${open ? 'fixed inset-y-0 left-0 z-40 flex w-[85vw] max-w-xs shadow-xl outline-none' : 'hidden'} flex-col border-r border-zinc-200 bg-zinc-50 md:static md:z-auto md:flex md:w-64 md:shadow-none dark:border-zinc-800 dark:bg-zinc-900`}
      >
        <div className="flex items-center gap-2 p-3">
          <button
            type="button"
            onClick={onNewChat}
            title="New chat (Ctrl+Shift+O)"
            className="flex flex-1 items-center gap-2 rounded-lg border border-zinc-300 bg-white px-3 py-2 text-left text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-950 dark:hover:bg-zinc-800"
          >
            <PlusIcon />
            New chat
          </button>
          <button type="button" onClick={onClose} aria-label="Close conversations" className="rounded-md p-2 hover:bg-zinc-200 md:hidden dark:hover:bg-zinc-800">
            ✕
          </button>
        </div>
        <div className="px-3 pb-2">
          <input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onFocus={prepare}
            aria-label="Search conversations"
            placeholder="Search"
            className="w-full rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-sm outline-none focus:border-brand dark:border-zinc-700 dark:bg-zinc-950"
          />
        </div>
        <nav aria-label="Conversation list" className="min-h-0 flex-1 overflow-y-auto px-2">
          {ready && searched && (
            <p role="status" className={`px-2 text-sm text-zinc-600 dark:text-zinc-400 ${ids.length ? 'pb-1 text-xs' : 'py-4'}`}>
              {failed ? 'Search could not load. Reload the page to try again.' : indexing ? 'Searching…' : matchCount(ids.length)}
            </p>
          )}
          {ready && !searched && ids.length === 0 && <p className="px-2 py-4 text-sm text-zinc-500 dark:text-zinc-400">Your conversations will appear here.</p>}
          <ul className="flex flex-col gap-0.5">
            {ids.map((id) => (
              <ConversationRow key={id} id={id} active={id === activeId} match={results?.matches[id]} onNavigate={onClose} />
            ))}
          </ul>
        </nav>
        <UndoDelete />
        <ConversationTransfer />
      </div>
    </div>
  );
}

const noIds: string[] = [];

const matchCount = (count: number) => (count === 0 ? 'No conversation matches.' : count === 1 ? '1 conversation matches' : `${count} conversations match`);
