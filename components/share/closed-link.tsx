import Link from 'next/link';

/** The page of a link that shows nothing now: why, what to do, and a way on. */
export function ClosedLink({ message, hint }: { message: string; hint: string }) {
  return (
    <div className="m-auto max-w-sm p-6 text-center">
      <h1 className="text-lg font-semibold">{message}</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-300">{hint}</p>
      <Link href="/chat" className="mt-4 inline-block rounded-lg bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
        Start a chat of your own
      </Link>
    </div>
  );
}
