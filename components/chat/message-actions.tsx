'use client';

import { CopyButton } from '@/components/ui/copy-button';
import { isLanguageCode, languages, type LanguageCode } from '@/lib/translate/languages';
import { VersionSwitcher } from './version-switcher';

interface MessageActionsProps {
  role: 'user' | 'assistant';
  text: string;
  /** An answer is streaming somewhere: actions that send wait for it. */
  busy: boolean;
  canRegenerate: boolean;
  /** Which of the message's versions is on screen (1-based), of how many. */
  version: { current: number; count: number };
  onShowVersion: (position: number) => void;
  onEdit: () => void;
  onRegenerate: () => void;
  onTranslate: (target: LanguageCode) => void;
}

const buttonClass =
  'rounded-md px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 disabled:opacity-60 disabled:hover:bg-transparent dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100';

/** ‹ 1 / 2 › (a message with versions), Copy, Edit (user), Regenerate (answers) and Translate to… for one message. */
export function MessageActions({ role, text, busy, canRegenerate, version, onShowVersion, onEdit, onRegenerate, onTranslate }: MessageActionsProps) {
  const who = role === 'user' ? 'message' : 'answer';
  return (
    <div role="group" aria-label={`${role === 'user' ? 'Message' : 'Answer'} actions`} className="mt-1 flex flex-wrap items-center gap-0.5">
      {version.count > 1 && <VersionSwitcher current={version.current} count={version.count} disabled={busy} onShow={onShowVersion} />}
      {/* A failed answer may have no text: nothing to copy. */}
      {text && <CopyButton text={text} label={`Copy ${who}`} className={buttonClass} />}
      {role === 'user' && (
        <button type="button" className={buttonClass} onClick={onEdit} disabled={busy} aria-label="Edit message">
          Edit
        </button>
      )}
      {canRegenerate && (
        <button type="button" className={buttonClass} onClick={onRegenerate} disabled={busy} aria-label="Regenerate answer">
          Regenerate
        </button>
      )}
      {text && (
        <select
          aria-label={`Translate ${who} to…`}
          value=""
          onChange={(event) => isLanguageCode(event.target.value) && onTranslate(event.target.value)}
          className={`${buttonClass} max-w-[9.5rem] cursor-pointer appearance-none bg-transparent`}
        >
          <option value="">Translate to…</option>
          {languages.map((language) => (
            <option key={language.code} value={language.code}>
              {language.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
