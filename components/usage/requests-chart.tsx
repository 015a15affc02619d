import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsageRow } from '@/lib/usage/usage-rows';
import { ChartCard } from './chart-card';
import { axisProps, chartStyle, gridProps, seriesColors, timeAxisProps, tooltipProps } from './chart-style';

export function RequestsChart({ rows }: { rows: UsageRow[] }) {
  return (
    <ChartCard title="Requests" description="Answer requests per minute">
      <BarChart data={rows} responsive style={chartStyle} margin={{ top: 4, right: 4, bottom: 0, left: -16 }}>
        <CartesianGrid {...gridProps} />
        <XAxis {...timeAxisProps} />
        <YAxis {...axisProps} allowDecimals={false} width={40} />
        <Tooltip {...tooltipProps} />
        <Bar dataKey="requests" name="Requests" fill={seriesColors.primary} isAnimationActive={false} />
      </BarChart>
    </ChartCard>
  );
}
