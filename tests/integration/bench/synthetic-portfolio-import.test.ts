import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CSV_FILES, csvFileName, csvRowCount, csvText, jiraFileCount, jiraFileName, jiraFileText, jiraLinks } from '../../../bench/portfolio-text';
import { generatePortfolio, TRANSITIONS_PER_ITEM } from '../../../bench/synthetic-portfolio';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import type { ChannelOutput } from '../../../shared/contract/contract';

// The benchmark times imports of its synthetic files: they must be files the app imports whole,
// with nothing rejected, or the figures would time an import that does less than it claims.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-bench-files-'));
  dirs.push(dir);
  return dir;
}

async function importInto(backend: Backend, workspace: string, files: string[]): Promise<NonNullable<ChannelOutput<'import.progress'>['report']>> {
  const created = await backend.call('workspace.create', { path: workspace });
  if (!created.ok) throw new Error(created.error.message);
  const started = await backend.call('import.start', { files: files.map((path) => ({ source: { kind: 'path', path }, format: 'auto' })), mode: 'import' });
  if (!started.ok) throw new Error(started.error.message);
  for (;;) {
    const status = await backend.call('import.progress', { jobId: started.value.jobId });
    if (!status.ok) throw new Error(status.error.message);
    if (status.value.state !== 'running') {
      if (!status.value.report) throw new Error(`import ${status.value.state}: ${status.value.error?.message ?? ''}`);
      return status.value.report;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('the benchmark’s synthetic portfolio', () => {
  const p = generatePortfolio(400, 6);

  it('imports whole from the Interlock CSV templates: every row accepted, nothing rejected', async () => {
    const dir = tempDir();
    const files = CSV_FILES.map((file) => {
      const path = join(dir, csvFileName(file));
      writeFileSync(path, [...csvText(p, file)].join(''));
      return path;
    });
    const backend = createBackend({ log: () => undefined });
    try {
      const report = await importInto(backend, join(dir, 'csv.interlock'), files);
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
    } finally {
      backend.close();
    }
  });

  it('imports whole from Jira JSON, with the same items and status changes as the CSVs', async () => {
    const dir = tempDir();
    const links = jiraLinks(p);
    const files = Array.from({ length: jiraFileCount(p) }, (_, f) => {
      const path = join(dir, jiraFileName(f));
      writeFileSync(path, [...jiraFileText(p, f, links)].join(''));
      return path;
    });
    const backend = createBackend({ log: () => undefined });
    try {
      const report = await importInto(backend, join(dir, 'jira.interlock'), files);
      expect(report.committed).toBe(true);
      expect(report.rejectedRows).toBe(0);
      expect(report.counts.items).toBe(400);
      expect(report.counts.transitions).toBe(400 * TRANSITIONS_PER_ITEM);
      expect(report.counts.dependencies).toBeGreaterThan(0);
    } finally {
      backend.close();
    }
  });

  describe('edge cases', () => {
    it('is the same portfolio for the same seed, and another for another seed', () => {
      const again = generatePortfolio(400, 6);
      expect([...csvText(again, 'transitions')].join('')).toBe([...csvText(p, 'transitions')].join(''));
      expect([...csvText(generatePortfolio(400, 7), 'transitions')].join('')).not.toBe([...csvText(p, 'transitions')].join(''));
    });
  });
});
