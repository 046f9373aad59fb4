import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { README_TABLE_END, README_TABLE_START, withReadmeTable } from '../../../bench/measure';
import { figuresOf, readmeCaption, type ResultsFile } from '../../../bench/readme-table';

const root = join(import.meta.dirname, '..', '..', '..');

describe("the README's bench table", () => {
  it('is exactly the table of bench/results.json (regenerate with `npm run bench:readme`)', () => {
    const results = JSON.parse(readFileSync(join(root, 'bench', 'results.json'), 'utf8')) as ResultsFile;
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toBe(withReadmeTable(readme, figuresOf(results), readmeCaption(results)));
  });

  it("names the allocator tunables the run had, and the kernel's huge page mode", () => {
    const results: ResultsFile = {
      date: '2026-12-05T14:00:00Z',
      command: 'npm run bench',
      machine: { cpuCount: 2, cpuModel: 'AMD EPYC', node: 'v20.20.2', glibcTunables: 'glibc.malloc.hugetlb=1', transparentHugePages: 'madvise' },
      figures: [],
    };
    expect(readmeCaption(results)).toContain('ran with `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`, as every backend process starts (transparent huge pages: madvise).');
  });

  it('names the Chromium the browser figures ran in', () => {
    const results: ResultsFile = { date: '2026-12-07T03:00:00Z', command: 'npm run bench', machine: { cpuCount: 2, cpuModel: 'AMD EPYC', node: 'v20.20.2', chromium: '150.0.7871.100' }, figures: [] };
    expect(readmeCaption(results)).toContain('Node 20.20.2, Chromium 150.0.7871.100.');
  });

  describe('edge cases', () => {
    it('a run without Chromium (or from before its version was recorded) names none', () => {
      const results: ResultsFile = { date: '2026-12-07T03:00:00Z', command: 'npm run bench', machine: { cpuCount: 2, cpuModel: 'AMD EPYC', node: 'v20.20.2' }, figures: [] };
      expect(readmeCaption(results)).toContain('Node 20.20.2. ');
      expect(readmeCaption({ ...results, machine: { ...results.machine, chromium: null } })).not.toContain('Chromium');
    });

    it('a run without tunables (or from before they were recorded) says nothing of them', () => {
      const results: ResultsFile = { date: '2026-12-05T14:00:00Z', command: 'npm run bench', machine: { cpuCount: 2, cpuModel: 'AMD EPYC', node: 'v20.20.2' }, figures: [] };
      expect(readmeCaption(results)).not.toContain('GLIBC_TUNABLES');
      expect(readmeCaption({ ...results, machine: { ...results.machine, glibcTunables: null } })).not.toContain('GLIBC_TUNABLES');
    });

    it('a README without the block is refused rather than appended to', () => {
      expect(() => withReadmeTable('# no table here\n', [], 'caption')).toThrow(/no bench-table block/);
      expect(() => withReadmeTable(`${README_TABLE_END}\n${README_TABLE_START}\n`, [], 'c')).toThrow(/no bench-table block/);
    });

    it('text outside the block is kept as it was', () => {
      const readme = `before\n${README_TABLE_START}\nold\n${README_TABLE_END}\nafter\n`;
      const out = withReadmeTable(readme, [], 'caption');
      expect(out.startsWith('before\n')).toBe(true);
      expect(out.endsWith(`${README_TABLE_END}\nafter\n`)).toBe(true);
      expect(out).not.toContain('old');
    });
  });
});
