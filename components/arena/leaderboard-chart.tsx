'use client';

import { Bar, BarChart, CartesianGrid, ErrorBar, Tooltip, XAxis, YAxis } from 'recharts';
import type { LeaderboardRow } from '@/lib/arena/rating';
import { ChartCard } from '@/components/usage/chart-card';
import { axisProps, gridProps, seriesColors, tooltipProps } from '@/components/usage/chart-style';

/** Each contestant's rating as a bar, its 95% interval as a whisker; one row per contestant, so long names fit a phone. */
export function LeaderboardChart({ rows }: { rows: LeaderboardRow[] }) {
  const data = rows.map((row) => ({ ...row, rating: Math.round(row.rating), interval: [row.rating - row.low, row.high - row.rating] }));
  // Ratings sit around 1000: an axis from 0 would flatten every difference into the same bar.
  const from = Math.floor((Math.min(...rows.map((row) => row.low)) - 25) / 50) * 50;
  const to = Math.ceil((Math.max(...rows.map((row) => row.high)) + 25) / 50) * 50;
  return (
    <ChartCard title="Ratings" description="Bradley–Terry rating of each contestant, with its 95% interval" empty={rows.length === 0 ? 'No votes yet.' : undefined}>
      <BarChart data={data} layout="vertical" responsive style={{ width: '100%', height: 56 + rows.length * 36 }} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid {...gridProps} horizontal={false} vertical />
        <XAxis {...axisProps} type="number" domain={[from, to]} allowDataOverflow />
        <YAxis {...axisProps} type="category" dataKey="contestant" width={120} tickFormatter={(name: string) => (name.length > 18 ? `${name.slice(0, 17)}…` : name)} />
        <Tooltip {...tooltipProps} formatter={(value) => [String(value), 'Rating']} />
        <Bar dataKey="rating" name="Rating" fill={seriesColors.primary} barSize={18} isAnimationActive={false}>
          <ErrorBar dataKey="interval" direction="x" width={6} stroke="currentColor" strokeWidth={1.5} />
        </Bar>
      </BarChart>
    </ChartCard>
  );
}
