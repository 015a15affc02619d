'use client';

import { useEffect, useRef } from 'react';
import { MAX_MODEL_ID_CHARS, MAX_OUTPUT_TOKENS, MAX_SYSTEM_PROMPT_CHARS, MAX_TEMPERATURE } from '@/lib/chat/limits';
import type { ChatSettings } from '@/lib/chat/types';
import { useModelChoices } from '@/lib/stores/models';
import { useChatStore } from '@/lib/stores/chat/store';
import { usePrompts } from '@/lib/stores/prompts';

const EMPTY: ChatSettings = {};
/** What the providers use when a request names no temperature (OpenAI's default): where the slider rests until one is chosen. */
const DEFAULT_TEMPERATURE = 1;
const field = 'w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm outline-none focus:border-brand dark:border-zinc-700 dark:bg-zinc-950';

/** Model, system prompt, temperature and answer length for this conversation (or the next new one). */
export function SettingsPanel({ conversationId, onClose }: { conversationId: string | undefined; onClose: () => void }) {
  const settings = useChatStore((s) => (conversationId ? s.conversations[conversationId]?.settings : s.draftSettings) ?? EMPTY);
  const updateSettings = useChatStore((s) => s.updateSettings);
  const choices = useModelChoices((s) => s.data);
  const loadModels = useModelChoices((s) => s.load);
  useEffect(() => void loadModels(), [loadModels]);
  const panel = useRef<HTMLElement>(null);
  // Opened, it takes the focus (its first field); Esc closes it.
  useEffect(() => panel.current?.querySelector<HTMLElement>('select, input, textarea')?.focus(), []);

  const update = (patch: ChatSettings) => updateSettings(conversationId, patch);
  const numberOrUndefined = (raw: string) => (raw.trim() === '' || !Number.isFinite(Number(raw)) ? undefined : Number(raw));

  return (
    <section
      ref={panel}
      id="chat-settings"
      aria-label="Conversation settings"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
      className="grid gap-3 border-t border-zinc-200 bg-zinc-50 p-3 text-sm sm:grid-cols-2 dark:border-zinc-800 dark:bg-zinc-900">
      <label className="flex flex-col gap-1">
        <span className="font-medium">Model</span>
        {choices?.allowCustom === false ? (
          <select className={field} value={settings.model ?? choices.defaultModel} onChange={(event) => update({ model: event.target.value })}>
            {choices.models.map((model) => (
              <option key={model}>{model}</option>
            ))}
          </select>
        ) : (
          <>
            <input
              className={field}
              list="chat-model-options"
              value={settings.model ?? ''}
              placeholder={choices ? `${choices.defaultModel} (default)` : 'Default model'}
              maxLength={MAX_MODEL_ID_CHARS}
              onChange={(event) => update({ model: event.target.value.trim() || undefined })}
            />
            <datalist id="chat-model-options">
              {choices?.models.map((model) => <option key={model} value={model} />)}
            </datalist>
          </>
        )}
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">Maximum answer length (tokens)</span>
        <input
          className={field}
          type="number"
          min={1}
          max={MAX_OUTPUT_TOKENS}
          placeholder="Model default"
          value={settings.maxOutputTokens ?? ''}
          onChange={(event) => {
            const value = numberOrUndefined(event.target.value);
            update({ maxOutputTokens: value !== undefined && Number.isInteger(value) && value >= 1 && value <= MAX_OUTPUT_TOKENS ? value : undefined });
          }}
        />
      </label>
      <label className="flex flex-col gap-1 sm:col-span-2">
        <span className="font-medium">System prompt</span>
        <textarea
          className={`${field} min-h-16 [field-sizing:content]`}
          placeholder="You are Rill, a helpful assistant. (default)"
          maxLength={MAX_SYSTEM_PROMPT_CHARS}
          value={settings.system ?? ''}
          onChange={(event) => update({ system: event.target.value || undefined })}
        />
      </label>
      <div className="flex flex-col gap-1">
        <label htmlFor="chat-temperature" className="font-medium">
          Temperature: {settings.temperature === undefined ? `default (${DEFAULT_TEMPERATURE.toFixed(1)})` : settings.temperature.toFixed(1)}
        </label>
        <div className="flex items-center gap-2">
          <input
            id="chat-temperature"
            type="range"
            min={0}
            max={MAX_TEMPERATURE}
            step={0.1}
            value={settings.temperature ?? DEFAULT_TEMPERATURE}
            onChange={(event) => update({ temperature: Number(event.target.value) })}
            className="flex-1 accent-brand"
          />
          <button type="button" onClick={() => update({ temperature: undefined })} className="rounded px-2 py-1 text-xs hover:bg-zinc-200 dark:hover:bg-zinc-800">
            Reset
          </button>
        </div>
      </div>
      <div className="flex items-end justify-end gap-1">
        <button type="button" onClick={usePrompts.getState().openManager} className="rounded-md px-3 py-1.5 font-medium hover:bg-zinc-200 dark:hover:bg-zinc-800">
          Saved prompts…
        </button>
        <button type="button" onClick={onClose} className="rounded-md px-3 py-1.5 font-medium hover:bg-zinc-200 dark:hover:bg-zinc-800">
          Done
        </button>
      </div>
    </section>
  );
}
