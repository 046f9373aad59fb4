// The benchmark's figures: each a value beside a baseline measured in the same run, their ratio,
// and the target it is held to. Pure: no clock, no file (bench/run.ts does those).

export type Unit = 'ms' | 'MB' | 'marks';

export interface Target {
  /** How the target reads in the table, e.g. "≤ 2× baseline". */
  text: string;
  /** Met when ratio ≤ maxRatio (if set) … */
  maxRatio?: number;
  /** … and value < maxValue (if set; "under 500 ms"). */
  maxValue?: number;
  /** … and value ≤ maxValueInclusive (if set; "no chart above 2,000 marks"). */
  maxValueInclusive?: number;
}

export interface Baseline {
  /** What was measured as the floor. */
  what: string;
  value: number;
  /** True when the baseline is a fixed budget rather than something measured in this run. */
  fixed?: boolean;
}

export interface FigureInput {
  id: string;
  size: string;
  title: string;
  unit: Unit;
  value: number;
  baseline: Baseline | null;
  target: Target | null;
  /** Every sample the value (median) was taken from. */
  samples?: number[];
  baselineSamples?: number[];
  /** Anything a reader needs to trust the figure (phases, counts, which run). */
  detail?: Record<string, unknown>;
}

export interface Figure extends FigureInput {
  ratio: number | null;
  met: boolean | null;
  /** The smallest and largest sample (null for a single measurement). */
  min: number | null;
  max: number | null;
}

/** The median of the samples (mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** value ÷ baseline, or null when there is no usable baseline (none, zero, not finite). */
export function ratioOf(value: number, baseline: number | null | undefined): number | null {
  if (baseline === null || baseline === undefined || !Number.isFinite(baseline) || baseline <= 0 || !Number.isFinite(value)) return null;
  return value / baseline;
}

/** Whether the figure meets every bound its target sets; null without a target or a needed ratio. */
export function meets(value: number, ratio: number | null, target: Target | null): boolean | null {
  if (!target) return null;
  if (!Number.isFinite(value)) return false;
  if (target.maxRatio !== undefined && ratio === null) return null;
  if (target.maxRatio !== undefined && ratio! > target.maxRatio) return false;
  if (target.maxValue !== undefined && !(value < target.maxValue)) return false;
  if (target.maxValueInclusive !== undefined && !(value <= target.maxValueInclusive)) return false;
  return true;
}

export function figure(input: FigureInput): Figure {
  const ratio = ratioOf(input.value, input.baseline?.value);
  const samples = input.samples ?? [];
  return {
    ...input,
    ratio,
    met: meets(input.value, ratio, input.target),
    min: samples.length > 1 ? Math.min(...samples) : null,
    max: samples.length > 1 ? Math.max(...samples) : null,
  };
}

/** "1.20–1.41 s" from a figure's smallest and largest sample; '–' for a single measurement. */
export function formatRange(f: Pick<Figure, 'min' | 'max' | 'unit'>): string {
  if (f.min === null || f.max === null) return '–';
  return `${formatValue(f.min, f.unit)} – ${formatValue(f.max, f.unit)}`;
}

export function formatValue(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (unit === 'marks') return Math.round(value).toLocaleString('en-US');
  if (unit === 'MB') return `${value.toFixed(0)} MB`;
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  return `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}

export function formatRatio(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '–';
  return `${ratio.toFixed(ratio < 10 ? 2 : 1)}×`;
}

function metText(met: boolean | null): string {
  return met === null ? '' : met ? 'yes' : 'NO';
}

export const TABLE_COLUMNS = ['size', 'figure', 'value', 'range', 'baseline', 'ratio', 'target', 'met'] as const;

/** One row of cells per figure, in TABLE_COLUMNS order. */
export function tableRows(figures: readonly Figure[]): string[][] {
  return figures.map((f) => [
    f.size,
    f.title,
    formatValue(f.value, f.unit),
    formatRange(f),
    f.baseline ? formatValue(f.baseline.value, f.unit) : '–',
    formatRatio(f.ratio),
    f.target?.text ?? '',
    metText(f.met),
  ]);
}

const NUMERIC = new Set([2, 3, 4, 5]);

/** A plain-text table: columns padded to their widest cell, numbers right-aligned. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = [TABLE_COLUMNS.map(String), ...tableRows(figures)];
  const widths = TABLE_COLUMNS.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (NUMERIC.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The same table in Markdown, for README.md. */
export function formatMarkdownTable(figures: readonly Figure[]): string {
  const header = ['Size', 'Figure', 'Value (median)', 'Range', 'Baseline', 'Ratio', 'Target', 'Met'];
  const escape = (s: string) => s.replaceAll('|', '\\|');
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, c) => (NUMERIC.has(c) ? '---:' : '---')).join('|')}|`,
    ...tableRows(figures).map((r) => `| ${r.map(escape).join(' | ')} |`),
  ].join('\n');
}

export const README_TABLE_START = '<!-- bench-table: generated by `npm run bench:readme` from bench/results.json; do not edit -->';
export const README_TABLE_END = '<!-- /bench-table -->';

/** The README with its bench block replaced by the table of `figures` (results.json's). */
export function withReadmeTable(readme: string, figures: readonly Figure[], caption: string): string {
  const start = readme.indexOf(README_TABLE_START);
  const end = readme.indexOf(README_TABLE_END);
  if (start === -1 || end === -1 || end < start) throw new Error('README.md has no bench-table block to fill.');
  return `${readme.slice(0, start)}${README_TABLE_START}\n${caption}\n\n${formatMarkdownTable(figures)}\n${readme.slice(end)}`;
}
