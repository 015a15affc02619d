import type { ChatSettings } from '@/lib/chat/types';
import type { SharedConversation } from '@/lib/db/share-store';
import { ContinueInMyChats } from './continue-in-my-chats';
import { SharedMessage } from './shared-message';

// The server's clock and zone, not the reader's: the page is rendered before it reaches them.
const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** A shared conversation, read-only: that it is a snapshot, and when; its settings if the owner shared them; its messages. */
export function SharedConversationView({ share }: { share: SharedConversation }) {
  const { conversation } = share;
  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto flex w-full max-w-3xl flex-col gap-4 px-3 py-4 sm:px-4">
        <p className="self-start rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100">
          Shared snapshot · <time dateTime={new Date(share.createdAt).toISOString()}>{day.format(share.createdAt)}</time> · read-only
        </p>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="min-w-0 break-words text-lg font-semibold">{conversation.title}</h1>
          <ContinueInMyChats shareId={share.id} />
        </div>
        <SharedSettings settings={conversation.settings} />
        <ol aria-label="Messages" className="flex flex-col gap-6">
          {conversation.messages.map((message) => (
            <SharedMessage key={message.id} message={message} />
          ))}
        </ol>
      </div>
    </div>
  );
}

/** Only what the owner chose to share: nothing at all unless they ticked "Include settings". */
function SharedSettings({ settings }: { settings: ChatSettings }) {
  const { system, model, temperature, maxOutputTokens } = settings;
  if (system === undefined && model === undefined && temperature === undefined && maxOutputTokens === undefined) return null;
  return (
    <details className="rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
      <summary className="cursor-pointer font-medium">Settings shared with it</summary>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {model !== undefined && <Setting name="Model" value={model} />}
        {temperature !== undefined && <Setting name="Temperature" value={temperature.toFixed(1)} />}
        {maxOutputTokens !== undefined && <Setting name="Maximum answer length" value={`${maxOutputTokens} tokens`} />}
        {system !== undefined && <Setting name="System prompt" value={system} />}
      </dl>
    </details>
  );
}

function Setting({ name, value }: { name: string; value: string }) {
  return (
    <>
      <dt className="text-zinc-600 dark:text-zinc-300">{name}</dt>
      <dd className="min-w-0 whitespace-pre-wrap break-words">{value}</dd>
    </>
  );
}
