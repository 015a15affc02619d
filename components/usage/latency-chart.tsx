import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsageRow } from '@/lib/usage/usage-rows';
import { ChartCard } from './chart-card';
import { axisProps, chartStyle, gridProps, legendProps, seriesColors, shortDuration, timeAxisProps, tooltipProps } from './chart-style';

const percentiles = [
  { key: 'p50', color: seriesColors.primary },
  { key: 'p95', color: seriesColors.tertiary },
  { key: 'p99', color: seriesColors.danger },
] as const;

export function LatencyChart({ rows }: { rows: UsageRow[] }) {
  return (
    <ChartCard title="Time to first token" description="Milliseconds from request to first token, per minute (p50, p95, p99)">
      <LineChart data={rows} responsive style={chartStyle} margin={{ top: 4, right: 4, bottom: 0, left: -4 }}>
        <CartesianGrid {...gridProps} />
        <XAxis {...timeAxisProps} />
        <YAxis {...axisProps} width={52} tickFormatter={shortDuration} />
        <Tooltip {...tooltipProps} formatter={(value) => shortDuration(Number(value))} />
        <Legend {...legendProps} />
        {percentiles.map(({ key, color }) => (
          // Dots, because a minute with traffic between two quiet ones has no line to draw.
          <Line key={key} dataKey={key} name={key} stroke={color} strokeWidth={2} dot={{ r: 2, fill: color }} isAnimationActive={false} />
        ))}
      </LineChart>
    </ChartCard>
  );
}
