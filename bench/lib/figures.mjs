// A figure is one measured number, the reference it was measured against, and the
// target it is held to; `ok` is null when a figure is informational.

const CHECKS = {
  '<=': (value, limit) => value <= limit,
  '>=': (value, limit) => value >= limit,
};

/**
 * @param {{ name: string, value: number, unit?: string, digits?: number, reference?: string,
 *           target?: { op: '<=' | '>=', limit: number } }} spec
 */
export function figure({ name, value, unit = '', digits = 1, reference, target }) {
  const measured = Number.isFinite(value);
  return {
    name,
    value: measured ? Number(value.toFixed(digits)) : null,
    unit,
    digits,
    reference: reference ?? null,
    target: target ? `${target.op === '<=' ? '≤' : '≥'} ${target.limit}${unit ? ` ${unit}` : ''}` : null,
    ok: target ? measured && CHECKS[target.op](value, target.limit) : null,
  };
}

/** A scenario that could not produce its figures still shows up, as a miss with the reason. */
export function failedFigure(error) {
  return { name: 'scenario failed', value: null, unit: '', digits: 0, reference: String(error?.message ?? error).split('\n')[0], target: 'runs', ok: false };
}

export const formatValue = (f) =>
  f.value === null ? '—' : `${f.value.toLocaleString('en', { minimumFractionDigits: f.digits, maximumFractionDigits: f.digits })}${f.unit ? ` ${f.unit}` : ''}`;
