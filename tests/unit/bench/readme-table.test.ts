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

  describe('edge cases', () => {
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
