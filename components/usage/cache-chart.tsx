import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsageRow } from '@/lib/usage/usage-rows';
import { ChartCard } from './chart-card';
import { axisProps, chartStyle, gridProps, seriesColors, timeAxisProps, tooltipProps } from './chart-style';

export function CacheChart({ rows }: { rows: UsageRow[] }) {
  return (
    <ChartCard title="Cache hit rate" description="Share of answers served from the response cache, per minute">
      <LineChart data={rows} responsive style={chartStyle} margin={{ top: 8, right: 4, bottom: 0, left: -4 }}>
        <CartesianGrid {...gridProps} />
        <XAxis {...timeAxisProps} />
        <YAxis {...axisProps} domain={[0, 100]} ticks={[0, 50, 100]} unit="%" width={44} />
        <Tooltip {...tooltipProps} formatter={(value) => `${String(value)}%`} />
        <Line dataKey="cacheHitPercent" name="Hit rate" stroke={seriesColors.good} strokeWidth={2} dot={{ r: 2, fill: seriesColors.good }} isAnimationActive={false} />
      </LineChart>
    </ChartCard>
  );
}
