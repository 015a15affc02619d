import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { RillErrorCode } from '@/lib/errors';
import type { UsageRow } from '@/lib/usage/usage-rows';
import { ChartCard } from './chart-card';
import { axisProps, chartStyle, gridProps, legendProps, timeAxisProps, tooltipProps } from './chart-style';
import { errorColors, errorLabels } from './error-labels';

export function ErrorsChart({ rows, kinds }: { rows: UsageRow[]; kinds: RillErrorCode[] }) {
  return (
    <ChartCard title="Errors" description="Failed requests per minute, by kind" empty={kinds.length === 0 ? 'No errors in the last hour' : undefined}>
      <BarChart data={rows} responsive style={chartStyle} margin={{ top: 4, right: 4, bottom: 0, left: -16 }}>
        <CartesianGrid {...gridProps} />
        <XAxis {...timeAxisProps} />
        <YAxis {...axisProps} allowDecimals={false} width={40} />
        <Tooltip {...tooltipProps} />
        <Legend {...legendProps} />
        {kinds.map((kind) => (
          <Bar key={kind} dataKey={(row: UsageRow) => row.errors[kind] ?? 0} name={errorLabels[kind]} stackId="errors" fill={errorColors[kind]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartCard>
  );
}
