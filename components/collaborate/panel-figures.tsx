import { formatMs, formatRate, runFigures } from '@/lib/collaborate/figures';
import type { PanelRun, RunStream } from '@/lib/collaborate/panel';

/** Time to first token, speed, tokens and duration, updating as the answer streams. */
export function PanelFigures({ run, stream, number }: { run: PanelRun; stream: RunStream; number: number }) {
  const figures = runFigures(run, stream);
  const items = [
    { label: 'First token', value: formatMs(figures.ttftMs) },
    { label: 'Speed', value: formatRate(figures.tokensPerSecond) },
    { label: 'Tokens', value: `${figures.tokensExact ? '' : '~'}${figures.tokens}` },
    { label: 'Duration', value: formatMs(figures.durationMs) },
  ];
  return (
    <dl aria-label={`Figures for prompt ${number}`} className="grid grid-cols-4 gap-1 text-center">
      {items.map(({ label, value }) => (
        <div key={label} className="rounded-md bg-zinc-50 px-1 py-1 dark:bg-zinc-950/60">
          <dt className="text-[10px] uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{label}</dt>
          <dd className="text-xs font-medium tabular-nums" data-figure={label}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
