import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { figure, withReadmeTable, type Figure, type FigureInput } from './measure';

// `npm run bench:readme`: writes bench/results.json's table into README.md, so that the figures
// there are always the last full run's, never typed by hand (tests/unit/bench checks they agree).

const root = join(import.meta.dirname, '..');

export interface ResultsFile {
  date: string;
  command: string;
  machine: {
    cpuCount: number;
    cpuModel: string;
    node: string;
    chromium?: string | null;
    firstTouchMicroseconds?: [number | null, number | null];
    glibcTunables?: string | null;
    transparentHugePages?: string | null;
  };
  figures: (FigureInput & Partial<Figure>)[];
}

export function readmeCaption(results: ResultsFile): string {
  const touch = results.machine.firstTouchMicroseconds;
  const memory = touch && touch[0] !== null && touch[1] !== null ? ` A first write to a fresh 4 KB page of memory cost ${touch[0]} µs at the start of the run and ${touch[1]} µs at its end.` : '';
  const { glibcTunables, transparentHugePages } = results.machine;
  const tunables = glibcTunables ? ` The bench and the hosts and imports it started ran with \`GLIBC_TUNABLES=${glibcTunables}\`, as every backend process starts (transparent huge pages: ${transparentHugePages ?? 'unknown'}).` : '';
  return `Latest run: \`${results.command}\` on ${results.date.slice(0, 10)}, ${results.machine.cpuCount}-core ${results.machine.cpuModel}, Node ${results.machine.node.replace(/^v/, '')}${results.machine.chromium ? `, Chromium ${results.machine.chromium}` : ''}.${memory}${tunables} Values are medians; the range is the smallest and largest sample.`;
}

/** The figures as the table shows them, recomputed from what results.json stored. */
export function figuresOf(results: ResultsFile): Figure[] {
  return results.figures.map((f) => figure(f));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = JSON.parse(readFileSync(join(root, 'bench', 'results.json'), 'utf8')) as ResultsFile;
  const readme = join(root, 'README.md');
  writeFileSync(readme, withReadmeTable(readFileSync(readme, 'utf8'), figuresOf(results), readmeCaption(results)));
  process.stdout.write('README.md: bench table written from bench/results.json\n');
}
