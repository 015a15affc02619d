import Link from 'next/link';
import { errorTitle, type RillError } from '@/lib/errors';

/** A room that cannot be joined (gone, expired, full): only why, and a way to start again. */
export function RoomUnavailable({ error }: { error: RillError }) {
  return (
    <div role="alert" className="mx-auto mt-8 flex max-w-lg flex-col items-start gap-3 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="text-lg font-semibold">{error.code === 'bad_request' ? 'This room is not available' : errorTitle(error)}</h1>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{error.message}</p>
      <Link href="/collaborate" className="rounded-lg bg-brand px-3 py-2 text-sm font-medium text-white hover:bg-brand-dark">
        Start a new page
      </Link>
    </div>
  );
}
