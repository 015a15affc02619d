'use client';

/**
 * What a reasoning model thought before it answered: collapsed above the answer, as "Thinking…"
 * while it thinks and "Thought for N s" once it has. Plain text: it is the model's scratch work,
 * not the answer, so it is neither rendered as markdown nor sent back to the model.
 */
export function MessageReasoning({ reasoning, thinking, reasoningMs }: { reasoning: string; thinking: boolean; reasoningMs: number | undefined }) {
  const label = thinking ? 'Thinking…' : reasoningMs === undefined ? 'Thoughts' : `Thought for ${formatSeconds(reasoningMs)}`;
  return (
    <details data-testid="message-reasoning" className="group/reasoning mb-2 text-sm">
      <summary className="inline-flex cursor-pointer select-none items-center gap-1.5 rounded-md px-1.5 py-0.5 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
        <span aria-hidden className="inline-block transition-transform group-open/reasoning:rotate-90">
          ›
        </span>
        <span className={thinking ? 'animate-pulse' : undefined}>{label}</span>
      </summary>
      <p className="mt-1 whitespace-pre-wrap break-words border-l-2 border-zinc-200 pl-3 leading-relaxed text-zinc-600 dark:border-zinc-700 dark:text-zinc-300">{reasoning.trim()}</p>
    </details>
  );
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return seconds < 10 ? `${seconds.toFixed(1)} s` : `${Math.round(seconds)} s`;
}
