import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Translate' };

export default function TranslatePage() {
  return (
    <div className="mx-auto mt-16 max-w-md px-4 text-center">
      <h1 className="text-xl font-semibold">Translate</h1>
      <p className="mt-2 text-zinc-500 dark:text-zinc-400">Coming soon.</p>
    </div>
  );
}
