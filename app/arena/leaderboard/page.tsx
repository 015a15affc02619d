import type { Metadata } from 'next';
import { LeaderboardView } from '@/components/arena/leaderboard-view';
import { readLeaderboard } from '@/lib/arena/server/arena-routes';

export const metadata: Metadata = { title: 'Arena leaderboard' };
export const dynamic = 'force-dynamic';

export default async function LeaderboardPage() {
  const read = await readLeaderboard();
  return read.status === 'ok' ? <LeaderboardView rows={read.rows} /> : <LeaderboardView rows={[]} unavailable={read.message} />;
}
