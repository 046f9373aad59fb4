import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runChild, type ChildOutcome } from '../child-process';
import { figure, median, type Figure } from '../measure';
import type { PortfolioFiles } from '../portfolio-files';
import type { ImportChildInput, ImportChildResult } from './import-child';
import { FLOW_COLUMNS, timeScan } from './scans';

const CHILD = join(import.meta.dirname, 'import-child.ts');

function child(input: ImportChildInput): Promise<ChildOutcome<ImportChildResult>> {
  return runChild<ImportChildResult>(CHILD, input);
}

export interface ImportFigures {
  figures: Figure[];
  /** The workspace the CSV import wrote: the other scenarios measure it. */
  workspace: string;
}

/**
 * Imports the size's Interlock CSV files (and its Jira JSON pages) in child processes, each beside its
 * baseline in a child too; runs alternate so that a neighbour's load falls on both alike. The
 * workspace of the last CSV import is kept for the other scenarios.
 */
export async function measureImport(files: PortfolioFiles, outDir: string, options: { runs: number; memory: boolean; log: (line: string) => void }): Promise<ImportFigures> {
  const workspace = join(outDir, `${files.size}.interlock`);
  const scratch = join(outDir, `${files.size}-baseline.sqlite`);
  const csv: ChildOutcome<ImportChildResult>[] = [];
  const csvBase: ChildOutcome<ImportChildResult>[] = [];
  for (let run = 0; run < options.runs; run++) {
    options.log(`  import ${files.size}: Interlock CSV, run ${run + 1} of ${options.runs}`);
    csvBase.push(await child({ mode: 'csv-baseline', files: files.csv, target: scratch }));
    rmSync(workspace, { force: true });
    csv.push(await child({ mode: 'interlock', files: files.csv, target: workspace }));
  }
  const last = csv[csv.length - 1]!.result;
  // The baseline of the first metrics call after an import: the metrics scenario's scan of the tables.
  const scans = csv.map(() => timeScan(workspace, FLOW_COLUMNS, 'js-aggregate'));
  if (last.rejectedRows !== 0) throw new Error(`the ${files.size} CSV import rejected ${last.rejectedRows} rows: the generator and the importer disagree`);

  const jiraWorkspace = join(outDir, `${files.size}-jira.interlock`);
  const jsons: ChildOutcome<ImportChildResult>[] = [];
  const jsonBases: ChildOutcome<ImportChildResult>[] = [];
  for (let run = 0; run < options.runs; run++) {
    options.log(`  import ${files.size}: Jira JSON, run ${run + 1} of ${options.runs}`);
    jsonBases.push(await child({ mode: 'json-baseline', files: files.jira, target: scratch }));
    rmSync(jiraWorkspace, { force: true });
    jsons.push(await child({ mode: 'interlock', files: files.jira, target: jiraWorkspace }));
    rmSync(jiraWorkspace, { force: true });
  }
  const json = jsons[jsons.length - 1]!;
  const jsonBase = jsonBases[jsonBases.length - 1]!;
  rmSync(scratch, { force: true });

  const size = files.size;
  const figures: Figure[] = [
    figure({
      id: 'import-csv',
      size,
      title: `Import, Interlock CSV (${files.items.toLocaleString('en-US')} items, ${files.transitions.toLocaleString('en-US')} changes)`,
      unit: 'ms',
      value: median(csv.map((c) => c.result.ms)),
      samples: csv.map((c) => c.result.ms),
      baseline: { what: 'papaparse + one bare prepared statement per file (untyped table, no index), one transaction', value: median(csvBase.map((c) => c.result.ms)) },
      baselineSamples: csvBase.map((c) => c.result.ms),
      target: { text: '≤ 1.5× baseline', maxRatio: 1.5 },
      detail: { counts: last.counts, warnings: last.warnings, baselineRows: csvBase[0]!.result.rows, csvBytes: files.csvBytes },
    }),
    figure({
      id: 'import-jira',
      size,
      title: `Import, Jira JSON (${files.jira.length} files)`,
      unit: 'ms',
      value: median(jsons.map((c) => c.result.ms)),
      samples: jsons.map((c) => c.result.ms),
      baseline: { what: 'JSON.parse per file + one bare prepared statement per kind of row, one transaction', value: median(jsonBases.map((c) => c.result.ms)) },
      baselineSamples: jsonBases.map((c) => c.result.ms),
      target: { text: '≤ 1.5× baseline', maxRatio: 1.5 },
      detail: { counts: json.result.counts, warnings: json.result.warnings, rejectedRows: json.result.rejectedRows, baselineRows: jsonBase.result.rows, jiraBytes: files.jiraBytes },
    }),
  ];
  const afterImport = csv.map((c) => c.result.firstMetricsMs!);
  figures.push(
    figure({
      id: 'metrics-flow-after-import',
      size,
      title: 'Flow page metrics, first call after an import (same backend; the import stored the snapshot)',
      unit: 'ms',
      value: median(afterImport),
      samples: afterImport,
      baseline: { what: 'one scan of the same columns of the same rows into JavaScript (SQLite calls a JS aggregate per row)', value: median(scans) },
      baselineSamples: scans,
      target: size === 'M' ? { text: '≤ 3× baseline and < 500 ms', maxRatio: 3, maxValue: 500 } : { text: '≤ 3× baseline', maxRatio: 3 },
    }),
  );
  if (options.memory) {
    const peak = csv[csv.length - 1]!;
    figures.push(
      figure({
        id: 'import-peak-memory',
        size,
        title: 'Import peak resident memory, Interlock CSV',
        unit: 'MB',
        value: median(csv.map((c) => c.maxRssMb)),
        samples: csv.map((c) => c.maxRssMb),
        baseline: { what: "the CSV baseline's peak resident memory (its own child process)", value: median(csvBase.map((c) => c.maxRssMb)) },
        baselineSamples: csvBase.map((c) => c.maxRssMb),
        // The budget is for M; L holds three times the records until its one transaction.
        target: size === 'M' ? { text: '< 300 MB', maxValue: 300 } : null,
        detail: { processStartRssMb: peak.startRssMb, baselineStartRssMb: csvBase[csvBase.length - 1]!.startRssMb },
      }),
      figure({
        id: 'import-jira-peak-memory',
        size,
        title: 'Import peak resident memory, Jira JSON',
        unit: 'MB',
        value: median(jsons.map((c) => c.maxRssMb)),
        samples: jsons.map((c) => c.maxRssMb),
        baseline: { what: "the JSON baseline's peak resident memory (its own child process)", value: median(jsonBases.map((c) => c.maxRssMb)) },
        baselineSamples: jsonBases.map((c) => c.maxRssMb),
        target: null,
      }),
    );
  }
  return { figures, workspace };
}
