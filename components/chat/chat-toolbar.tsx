'use client';

import { useRef, useState } from 'react';
import { useChatStore } from '@/lib/stores/chat/store';
import { downloadFile } from './download-file';
import { PlusIcon } from './icons';
import { PromptManager } from './prompt-manager';
import { SettingsPanel } from './settings-panel';
import { ShareButton } from './share-button';

const toolButton = 'rounded-md px-2.5 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800';

export function ChatToolbar({ conversationId, onOpenSidebar, onNewChat }: { conversationId: string | undefined; onOpenSidebar: () => void; onNewChat: () => void }) {
  const title = useChatStore((s) => (conversationId ? s.conversations[conversationId]?.title : undefined));
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const closeSettings = () => {
    setSettingsOpen(false);
    // Focus goes back where it came from, not to the page's body.
    settingsButton.current?.focus();
  };

  const exportMarkdown = async () => {
    const conversation = conversationId ? useChatStore.getState().conversations[conversationId] : undefined;
    if (!conversation) return;
    // Loaded on use: the exporter shares its module with the (zod-validated) JSON import.
    const { conversationToMarkdown, fileNameFor } = await import('@/lib/chat/conversation-file');
    downloadFile(fileNameFor(conversation.title, 'md'), conversationToMarkdown(conversation), 'text/markdown');
  };

  return (
    <div className="border-b border-zinc-200 dark:border-zinc-800">
      <div className="flex h-11 items-center gap-1 px-2 sm:px-3">
        <button type="button" onClick={onOpenSidebar} aria-label="Open conversations" aria-haspopup="dialog" className={`${toolButton} md:hidden`}>
          ☰
        </button>
        <button type="button" onClick={onNewChat} aria-label="New chat" className={`${toolButton} md:hidden`}>
          <PlusIcon />
        </button>
        <h1 className="min-w-0 flex-1 truncate px-1 text-sm font-medium">{title ?? 'New chat'}</h1>
        {conversationId && <ShareButton conversationId={conversationId} className={toolButton} />}
        {conversationId && (
          <button type="button" onClick={() => void exportMarkdown()} className={toolButton} aria-label="Export conversation as Markdown">
            Export
          </button>
        )}
        <button ref={settingsButton} type="button" onClick={() => setSettingsOpen((open) => !open)} aria-expanded={settingsOpen} aria-controls="chat-settings" className={toolButton}>
          Settings
        </button>
      </div>
      {settingsOpen && <SettingsPanel conversationId={conversationId} onClose={closeSettings} />}
      <PromptManager />
    </div>
  );
}
