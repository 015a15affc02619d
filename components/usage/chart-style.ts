/**
 * Shared look of the usage charts. Axes and grid draw in `currentColor` and tooltips use CSS
 * variables set on the dashboard, so both follow the light or dark theme without JavaScript.
 */
export const chartStyle = { width: '100%', height: 176 };

export const seriesColors = {
  primary: '#0891b2',
  secondary: '#8b5cf6',
  tertiary: '#f59e0b',
  danger: '#f43f5e',
  good: '#10b981',
} as const;

export const axisProps = {
  stroke: 'currentColor',
  strokeOpacity: 0.35,
  tick: { fill: 'currentColor', fontSize: 11 },
  tickLine: false,
} as const;

export const timeAxisProps = { ...axisProps, dataKey: 'start', tickFormatter: minuteLabel, minTickGap: 28 } as const;

export const gridProps = { stroke: 'currentColor', strokeOpacity: 0.12, vertical: false } as const;

export const tooltipProps = {
  labelFormatter: (label: unknown) => (typeof label === 'number' ? minuteLabel(label) : String(label)),
  contentStyle: { background: 'var(--chart-tooltip-bg)', border: '1px solid var(--chart-tooltip-border)', borderRadius: 8, fontSize: 12 },
  labelStyle: { color: 'var(--chart-tooltip-text)', fontWeight: 600 },
  cursor: { fill: 'currentColor', fillOpacity: 0.06 },
  isAnimationActive: false,
} as const;

export const legendProps = { iconSize: 8, wrapperStyle: { fontSize: 12 } } as const;

/** Minute of day in the viewer's locale, e.g. 14:05. */
export function minuteLabel(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** One short word, to fit an axis tick or a stat on a phone: 850ms, 2.2s. */
export function shortDuration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10}s` : `${Math.round(ms)}ms`;
}
