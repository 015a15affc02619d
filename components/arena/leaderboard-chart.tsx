'use client';

import { CartesianGrid, ErrorBar, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { LeaderboardRow } from '@/lib/arena/rating';
import { ChartCard } from '@/components/usage/chart-card';
import { axisProps, gridProps, seriesColors, tooltipProps } from '@/components/usage/chart-style';

const LABEL_CHARS = 20;
const clip = (text: string) => (text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text);

/**
 * Each contestant's rating as a dot with its 95% interval as whiskers, one row each. A dot, not a
 * bar: ratings sit around 1000 on an axis that does not start at 0, where a bar's length means nothing.
 */
export function LeaderboardChart({ rows }: { rows: LeaderboardRow[] }) {
  // Rows are placed by rank on a number axis: a category axis puts scatter dots on band edges, not in their middle.
  const data = rows.map((row, rank) => ({ rank, contestant: row.contestant, rating: Math.round(row.rating), interval: [row.rating - row.low, row.high - row.rating] }));
  const names = rows.map((row) => row.contestant);
  const from = Math.floor((Math.min(...rows.map((row) => row.low)) - 25) / 50) * 50;
  const to = Math.ceil((Math.max(...rows.map((row) => row.high)) + 25) / 50) * 50;
  return (
    <ChartCard title="Ratings" description="Bradley–Terry rating of each contestant (dot), with its 95% interval (whiskers)" empty={rows.length === 0 ? 'No votes yet.' : undefined}>
      <ScatterChart responsive style={{ width: '100%', height: 48 + rows.length * 44 }} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid {...gridProps} horizontal={false} vertical />
        <XAxis {...axisProps} type="number" dataKey="rating" name="Rating" domain={[from, to]} allowDataOverflow />
        <YAxis
          {...axisProps}
          type="number"
          dataKey="rank"
          name="Contestant"
          reversed
          domain={[-0.5, rows.length - 0.5]}
          ticks={names.map((_, rank) => rank)}
          interval={0}
          width={128}
          tick={<ContestantTick names={names} />}
        />
        <Tooltip {...tooltipProps} formatter={(value, name) => (name === 'Contestant' ? [names[Number(value)] ?? '', name] : [String(value), name])} />
        <Scatter data={data} name="Rating" fill={seriesColors.primary} isAnimationActive={false}>
          <ErrorBar dataKey="interval" direction="x" width={8} stroke="currentColor" strokeWidth={1.5} />
        </Scatter>
      </ScatterChart>
    </ChartCard>
  );
}

/** A contestant's name on two lines when it has a temperature ("model" / "@ temperature t"), so two settings of one model stay apart. */
function ContestantTick({ names, x, y, payload }: { names: string[]; x?: number; y?: number; payload?: { value: number } }) {
  const [model, setting] = (names[payload?.value ?? -1] ?? '').split(' @ ');
  return (
    <text x={x} y={y} textAnchor="end" fill="currentColor" fontSize={11}>
      <tspan x={x} dy={setting ? -2 : 4}>
        {clip(model ?? '')}
      </tspan>
      {setting && (
        <tspan x={x} dy={13}>
          {clip(`@ ${setting}`)}
        </tspan>
      )}
    </text>
  );
}
