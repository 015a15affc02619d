'use client';

import Link from 'next/link';
import { voteChoices, voteLabels } from '@/lib/arena/vote';
import { bothEnded, useArenaStore } from '@/lib/stores/arena';

const button = 'rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm font-medium hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-40 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800';

/** The verdict, offered once both answers ended (a judgement needs both); after it, what was chosen and where it counts. */
export function VoteBar() {
  const ready = useArenaStore((s) => s.battle !== null && bothEnded(s.runs));
  const voting = useArenaStore((s) => s.voting);
  const reveal = useArenaStore((s) => s.reveal);
  const vote = useArenaStore((s) => s.vote);

  if (reveal) {
    return (
      <div role="status" className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100">
        <p>
          You voted <strong>{voteLabels[reveal.choice]}</strong>: Model A was {reveal.a.name}, Model B was {reveal.b.name}.
        </p>
        <Link href="/arena/leaderboard" className="font-medium underline underline-offset-2">
          See the leaderboard
        </Link>
      </div>
    );
  }
  if (!ready) return null;
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 text-sm font-medium">Which answer is better? The names show once you vote.</legend>
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        {voteChoices.map((choice) => (
          <button key={choice} type="button" disabled={voting} onClick={() => void vote(choice)} className={button}>
            {voteLabels[choice]}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
