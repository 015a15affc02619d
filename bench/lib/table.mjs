import { formatValue } from './figures.mjs';

const mark = (ok) => (ok === null ? '' : ok ? '✓' : '✗');

/** The results as a Markdown table: readable in a terminal and pasted as-is into the README. */
export function resultsTable(scenarios) {
  const rows = [['Scenario', 'Figure', 'Rill', 'Reference (same run)', 'Target', '']];
  for (const scenario of scenarios) {
    scenario.figures.forEach((f, i) => {
      rows.push([i === 0 ? scenario.title : '', f.name, formatValue(f), f.reference ?? '', f.target ?? '', mark(f.ok)]);
    });
  }
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => [...row[col]].length)));
  const line = (row) => `| ${row.map((cell, col) => cell + ' '.repeat(widths[col] - [...cell].length)).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}
