import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureDigest, playwrightFailures, vitestFailures } from '../../../scripts/test-failures.mjs';

// `npm test` ends with what failed and why, read from the runners' JSON reports: CI keeps only the
// tail of a log. The fixtures are cut from real failing reports of vitest and Playwright (colour
// codes and all), with the cases a real run can hold added around them.

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/test-reports', name), 'utf8'));

describe('vitestFailures', () => {
  it('names each failed test by file and full name, with its first message, and a file that failed without a test', () => {
    const failures = vitestFailures(fixture('vitest-failed.json'), '/work/main');
    expect(failures.map((f) => f.where)).toEqual(['tests/unit/zz-fail.test.ts › a group fails on purpose', 'tests/unit/broken-import.test.ts']);
    expect(failures[0]!.message).toMatch(/^AssertionError: expected \{ a: 1 \} to deeply equal \{ a: 2 \}/);
    expect(failures[1]!.message).toContain('Failed to load url ./missing-module');
  });
});

describe('playwrightFailures', () => {
  it('names each unexpected test by file, line and titles, nested suites included, and the run’s own errors', () => {
    const failures = playwrightFailures(fixture('playwright-failed.json'));
    expect(failures.map((f) => f.where)).toEqual([
      'plan.spec.ts:145 › opened directly on a Plan address',
      'plan.spec.ts:201 › the board › keeps the plan after a reload',
      'plan.spec.ts:230 › the board › times out',
      'playwright',
    ]);
    expect(failures[0]!.message).toContain('the calls');
    expect(failures[1]!.message).toBe('Error: only in errors');
    expect(failures[2]!.message).toBe('ended timedOut');
    expect(failures[3]!.message).toBe('Error: global setup: the renderer build failed');
  });
});

describe('failureDigest', () => {
  it('gives each failure its place and its message without colour codes or stack frames', () => {
    const digest = failureDigest(playwrightFailures(fixture('playwright-failed.json')).slice(0, 1), { lines: 4 });
    expect(digest.split('\n')).toEqual([
      '✘ plan.spec.ts:145 › opened directly on a Plan address',
      '    Error: the calls',
      '    expect(received).toEqual(expected) // deep equality',
      '    - Expected  - 0',
      '    + Received  + 1',
      '    … 4 more lines in the log above',
    ]);
  });

  describe('edge cases', () => {
    it('says nothing for no failures', () => {
      expect(failureDigest([])).toBe('');
    });

    it('shows the first failures and counts the rest', () => {
      const many = Array.from({ length: 7 }, (_, i) => ({ where: `t${i}`, message: `m${i}` }));
      const digest = failureDigest(many, { shown: 2 });
      expect(digest.split('\n')).toEqual(['✘ t0', '    m0', '✘ t1', '    m1', '… and 5 more failures in the log above']);
    });

    it('drops stack frames and blank lines, and shortens a very long line', () => {
      const digest = failureDigest([{ where: 'x', message: `Error: ${'a'.repeat(600)}\n\n    at f (x.ts:1:1)\nnext` }]);
      const lines = digest.split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[1]!.endsWith('…')).toBe(true);
      expect(lines[1]!.length).toBe(4 + 500);
      expect(lines[2]).toBe('    next');
    });

    it('reads reports without the parts it looks for as no failures', () => {
      expect(vitestFailures({})).toEqual([]);
      expect(playwrightFailures({})).toEqual([]);
      expect(vitestFailures(null)).toEqual([]);
      expect(playwrightFailures(undefined)).toEqual([]);
    });
  });
});
