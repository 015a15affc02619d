import { CollaborateTabs } from '@/components/collaborate/collaborate-tabs';
import type { LeaderboardRow } from '@/lib/arena/rating';
import { LeaderboardChart } from './leaderboard-chart';

const cell = 'px-3 py-2 text-right tabular-nums';

/** /arena/leaderboard: every vote so far as ratings, intervals and records, in a table and a chart. */
export function LeaderboardView({ rows, unavailable }: { rows: LeaderboardRow[]; unavailable?: string }) {
  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto flex w-full max-w-5xl flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6 [--chart-tooltip-bg:#ffffff] [--chart-tooltip-border:#e4e4e7] [--chart-tooltip-text:#18181b] dark:[--chart-tooltip-bg:#18181b] dark:[--chart-tooltip-border:#3f3f46] dark:[--chart-tooltip-text:#f4f4f5]">
        <CollaborateTabs />
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Leaderboard</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Ratings from every arena vote, fitted with the Bradley–Terry model on the Elo scale (1000 is average; 400 points more means 10:1 odds of winning). A tie counts as half a win
            for each side, and so does &ldquo;Both are bad&rdquo;. The interval is where 95% of ratings fall when the votes are resampled, so it narrows as votes come in.
          </p>
        </div>
        {unavailable ? (
          <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
            {unavailable}
          </p>
        ) : (
          <>
            {/* Scrolls sideways on a phone rather than breaking names mid-word; focusable, so a keyboard can scroll it too. */}
            <div role="region" aria-label="Leaderboard table" tabIndex={0} className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
              <table className="w-full text-sm">
                <caption className="sr-only">Arena leaderboard</caption>
                <thead className="bg-zinc-50 text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
                  <tr>
                    <th scope="col" className="px-3 py-2 text-left">
                      Rank
                    </th>
                    <th scope="col" className="px-3 py-2 text-left">
                      Contestant
                    </th>
                    <th scope="col" className={cell}>
                      Rating
                    </th>
                    <th scope="col" className={cell}>
                      95% interval
                    </th>
                    <th scope="col" className={cell}>
                      Votes
                    </th>
                    <th scope="col" className={cell}>
                      Wins
                    </th>
                    <th scope="col" className={cell}>
                      Ties
                    </th>
                    <th scope="col" className={cell}>
                      Losses
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.length === 0 && (
                    <tr>
                      <td colSpan={8} className="px-3 py-6 text-center text-zinc-600 dark:text-zinc-400">
                        No votes yet. Start a battle in the Arena and vote.
                      </td>
                    </tr>
                  )}
                  {rows.map((row, index) => (
                    <tr key={row.contestant} className="border-t border-zinc-200 dark:border-zinc-800">
                      <td className="px-3 py-2 tabular-nums">{index + 1}</td>
                      <th scope="row" className="min-w-44 px-3 py-2 text-left font-medium break-words">
                        {row.contestant}
                      </th>
                      <td className={cell}>{Math.round(row.rating)}</td>
                      <td className={`${cell} whitespace-nowrap`}>
                        {Math.round(row.low)}–{Math.round(row.high)}
                      </td>
                      <td className={cell}>{row.votes}</td>
                      <td className={cell}>{row.wins}</td>
                      <td className={cell}>{row.ties}</td>
                      <td className={cell}>{row.losses}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <LeaderboardChart rows={rows} />
          </>
        )}
      </div>
    </div>
  );
}
