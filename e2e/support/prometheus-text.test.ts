import { describe, expect, it } from 'vitest';
import { parsePrometheusText } from './prometheus-text';

describe('parsePrometheusText', () => {
  it('reads NaN and infinities in any case, as Prometheus does', () => {
    const samples = parsePrometheusText('a_lag Nan\nb_bucket{le="+Inf"} 3\nc +Inf\nd -inf\ne 1.5e-3 1700000000000\n');
    expect(samples.map((sample) => sample.value)).toEqual([NaN, 3, Infinity, -Infinity, 0.0015]);
  });

  it('throws on a value that is not a number', () => {
    expect(() => parsePrometheusText('a_total twelve\n')).toThrow(/line 1: not a sample/);
    expect(() => parsePrometheusText('a_total\n')).toThrow(/line 1: not a sample/);
  });
});
