import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsageRow } from '@/lib/usage/usage-rows';
import { ChartCard } from './chart-card';
import { axisProps, chartStyle, gridProps, legendProps, seriesColors, timeAxisProps, tooltipProps } from './chart-style';

export function TokensChart({ rows }: { rows: UsageRow[] }) {
  return (
    <ChartCard title="Tokens" description="Model tokens per minute, prompt (in) and answer (out)">
      <BarChart data={rows} responsive style={chartStyle} margin={{ top: 4, right: 4, bottom: 0, left: -8 }}>
        <CartesianGrid {...gridProps} />
        <XAxis {...timeAxisProps} />
        <YAxis {...axisProps} allowDecimals={false} width={48} />
        <Tooltip {...tooltipProps} />
        <Legend {...legendProps} />
        <Bar dataKey="inputTokens" name="In" stackId="tokens" fill={seriesColors.secondary} isAnimationActive={false} />
        <Bar dataKey="outputTokens" name="Out" stackId="tokens" fill={seriesColors.primary} isAnimationActive={false} />
      </BarChart>
    </ChartCard>
  );
}
