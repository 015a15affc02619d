import { Bar, BarChart, LabelList, XAxis, YAxis, type LabelProps } from 'recharts';
import { axisProps, seriesColors } from '@/components/usage/chart-style';
import { formatRate } from '@/lib/collaborate/figures';
import type { ModelFigures } from '@/lib/collaborate/run-log';

const BAR_ROW_PX = 28;

/** Median speed per model as bars, to see at a glance what the table beside it says in numbers. */
export default function ModelSpeedChart({ models }: { models: ModelFigures[] }) {
  const rated = models.filter((model) => model.medianTokensPerSecond !== undefined);
  if (rated.length === 0) return null;
  // Wide enough for the longest name at the tick's 11 px, but never more than a phone can spare.
  const nameWidth = Math.min(140, 12 + 6.5 * Math.max(...rated.map((model) => model.model.length)));
  return (
    // The table carries the same numbers for screen readers; the chart would only repeat them.
    <div aria-hidden="true" className="min-w-0 text-zinc-500 dark:text-zinc-400">
      <p className="mb-1 text-xs">Median speed</p>
      <BarChart layout="vertical" data={rated} responsive accessibilityLayer={false} style={{ width: '100%', height: 8 + BAR_ROW_PX * rated.length }} margin={{ top: 4, right: 64, bottom: 4, left: 0 }}>
        <XAxis type="number" hide domain={[0, 'dataMax']} />
        <YAxis {...axisProps} type="category" dataKey="model" width={nameWidth} axisLine={false} />
        <Bar dataKey="medianTokensPerSecond" fill={seriesColors.primary} barSize={14} radius={3} isAnimationActive={false}>
          <LabelList dataKey="medianTokensPerSecond" content={SpeedLabel} />
        </Bar>
      </BarChart>
    </div>
  );
}

/** The speed just past its bar's end, on one line: recharts' own label wraps it when the bar is the longest. */
function SpeedLabel({ viewBox, value }: LabelProps) {
  if (!viewBox || !('width' in viewBox)) return null;
  const { x = 0, y = 0, width = 0, height = 0 } = viewBox;
  return (
    <text x={x + width + 6} y={y + height / 2} dominantBaseline="central" fill="currentColor" fontSize={11}>
      {formatRate(Number(value))}
    </text>
  );
}
