import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CSV_FILES, csvFileName, csvRowCount, csvText, jiraFileCount, jiraFileName, jiraFileText, jiraLinks } from '../../../bench/portfolio-text';
import { generatePortfolio, TRANSITIONS_PER_ITEM } from '../../../bench/synthetic-portfolio';
import { runImport, tempWorkspace, type TempWorkspace } from '../import/import-support';

// The benchmark times imports of its synthetic files: they must be files the app imports whole,
// with nothing rejected, or the figures would time an import that does less than it claims.

let ws: TempWorkspace | null = null;
afterEach(() => {
  ws?.dispose();
  ws = null;
});

/** Writes each file's text into the workspace's folder, imports them all, and returns the report. */
async function importFiles(files: [name: string, text: string][]) {
  ws = await tempWorkspace();
  const dir = ws.dir;
  const paths = files.map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
  const status = await runImport(ws.backend, paths);
  if (!status.report) throw new Error(`import ${status.state}: ${status.error?.message ?? ''}`);
  return status.report;
}

describe('the benchmark’s synthetic portfolio', () => {
  const p = generatePortfolio(400, 6);

  it('imports whole from the Interlock CSV templates: every row accepted, nothing rejected', async () => {
    const report = await importFiles(CSV_FILES.map((file) => [csvFileName(file), [...csvText(p, file)].join('')]));
    expect(report.committed).toBe(true);
    expect(report.rejectedRows).toBe(0);
    expect(report.counts).toMatchObject({
      teams: csvRowCount(p, 'teams'),
      items: 400,
      transitions: 400 * TRANSITIONS_PER_ITEM,
      dependencies: csvRowCount(p, 'dependencies'),
      deployments: csvRowCount(p, 'deployments'),
      objectives: csvRowCount(p, 'objectives'),
    });
  });

  it('imports whole from Jira JSON, with the same items and status changes as the CSVs', async () => {
    const links = jiraLinks(p);
    const report = await importFiles(Array.from({ length: jiraFileCount(p) }, (_, f) => [jiraFileName(f), [...jiraFileText(p, f, links)].join('')]));
    expect(report.committed).toBe(true);
    expect(report.rejectedRows).toBe(0);
    expect(report.counts.items).toBe(400);
    expect(report.counts.transitions).toBe(400 * TRANSITIONS_PER_ITEM);
    expect(report.counts.dependencies).toBeGreaterThan(0);
  });

  describe('edge cases', () => {
    it('is the same portfolio for the same seed, and another for another seed', () => {
      const again = generatePortfolio(400, 6);
      expect([...csvText(again, 'transitions')].join('')).toBe([...csvText(p, 'transitions')].join(''));
      expect([...csvText(generatePortfolio(400, 7), 'transitions')].join('')).not.toBe([...csvText(p, 'transitions')].join(''));
    });
  });
});
