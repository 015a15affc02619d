/** One sample line of the Prometheus text exposition format. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const sampleLine = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const labelPair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?\s*/gy;
const metaLine = /^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$/;
const metricTypes = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

/**
 * Parses the text format strictly: a line that is neither a sample, a HELP/TYPE line nor blank
 * throws, so a test using this proves the endpoint speaks the format, not just that it answered.
 */
export function parsePrometheusText(text: string): PrometheusSample[] {
  const samples: PrometheusSample[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      if (!metaLine.test(line)) throw new Error(`line ${index + 1}: malformed comment: ${line}`);
      if (line.startsWith('# TYPE') && !metricTypes.has(line.split(' ')[3] ?? '')) throw new Error(`line ${index + 1}: unknown type: ${line}`);
      continue;
    }
    const match = sampleLine.exec(line);
    const value = match ? sampleNumber(match[3] ?? '') : undefined;
    if (!match?.[1] || value === undefined) throw new Error(`line ${index + 1}: not a sample: ${line}`);
    samples.push({ name: match[1], labels: parseLabels(match[2] ?? '', index), value });
  }
  return samples;
}

/**
 * A sample's value as Prometheus reads it (Go's ParseFloat): NaN and Inf in any case are numbers,
 * so a gauge with no observation yet (prom-client prints `Nan`) is valid text.
 */
function sampleNumber(text: string): number | undefined {
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(text);
  if (special) return special[2]?.toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity;
  const value = Number(text);
  return text !== '' && !Number.isNaN(value) ? value : undefined;
}

function parseLabels(source: string, index: number): Record<string, string> {
  const labels: Record<string, string> = {};
  labelPair.lastIndex = 0;
  let consumed = 0;
  for (let match = labelPair.exec(source); match; match = labelPair.exec(source)) {
    labels[match[1] ?? ''] = (match[2] ?? '').replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    consumed = labelPair.lastIndex;
  }
  if (consumed !== source.length) throw new Error(`line ${index + 1}: malformed labels: {${source}}`);
  return labels;
}

/** The value of the sample `name` whose labels include `labels`, or undefined if there is none. */
export function sampleValue(samples: PrometheusSample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))?.value;
}
