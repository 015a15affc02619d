'use client';

import { modelExamples, offlineExamples } from '@/lib/chat/example-prompts';
import { useModelInfo } from '@/lib/stores/models';

export function EmptyState({ onPrompt }: { onPrompt: (text: string) => void }) {
  const offline = useModelInfo((s) => s.data?.mode === 'offline');
  const examples = offline ? offlineExamples : modelExamples;
  return (
    <div className="mx-auto mt-10 max-w-2xl px-4 text-center sm:mt-20">
      <h2 className="text-2xl font-semibold text-zinc-800 dark:text-zinc-100">What can I help with?</h2>
      <p className="mt-2 text-sm text-zinc-500 dark:text-zinc-400">Answers stream in as they are written. Try one of these:</p>
      <ul aria-label="Example prompts" className="mt-6 grid gap-2 text-left sm:grid-cols-2">
        {examples.map((example) => (
          <li key={example.title}>
            <button
              type="button"
              onClick={() => onPrompt(example.prompt)}
              className="h-full w-full rounded-xl border border-zinc-200 p-3 text-sm hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-900"
            >
              <span className="block font-medium">{example.title}</span>
              <span className="mt-0.5 block text-zinc-500 dark:text-zinc-400">{example.prompt}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
