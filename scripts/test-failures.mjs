// What failed, read from the runners' JSON reports, for the end of `npm test`'s output: CI keeps
// only the tail of a run's log, and a failure's message (with the timings or the diff it prints)
// is what the next person needs to see, not only that it failed.

import { stripVTControlCharacters } from 'node:util';

/** @typedef {{ where: string, message: string }} Failure */

/**
 * Vitest's JSON report: each failed test with its first failure message, and each file that failed
 * without a failing test (it did not load, a hook threw).
 * @returns {Failure[]}
 */
export function vitestFailures(report, root = '') {
  const failures = [];
  for (const file of report?.testResults ?? []) {
    const name = relativeTo(String(file.name ?? ''), root);
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failed) failures.push({ where: `${name} › ${a.fullName ?? a.title}`, message: String(a.failureMessages?.[0] ?? '') });
    if (failed.length === 0 && file.status === 'failed') failures.push({ where: name, message: String(file.message ?? '') });
  }
  return failures;
}

/**
 * Playwright's JSON report: each test whose outcome was unexpected, with the error of its last
 * try, and the run's own errors (a global setup that threw).
 * @returns {Failure[]}
 */
export function playwrightFailures(report) {
  const failures = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const last = test.results?.[test.results.length - 1];
        const message = last?.error?.message ?? last?.errors?.[0]?.message ?? `ended ${last?.status ?? 'unexpectedly'}`;
        failures.push({ where: `${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')}`, message: String(message) });
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const suite of report?.suites ?? []) walk(suite, []);
  for (const error of report?.errors ?? []) failures.push({ where: 'playwright', message: String(error.message ?? '') });
  return failures;
}

/**
 * The failures as short text: each one's place, then its message without colour codes or stack
 * frames, at most `lines` lines; at most `shown` failures, then how many more.
 */
export function failureDigest(failures, { shown = 5, lines = 6 } = {}) {
  const out = [];
  for (const f of failures.slice(0, shown)) {
    out.push(`✘ ${f.where}`);
    const text = stripVTControlCharacters(f.message)
      .split('\n')
      .filter((line) => line.trim() !== '' && !/^\s+at /.test(line));
    for (const line of text.slice(0, lines)) out.push(`    ${line.length > 500 ? `${line.slice(0, 499)}…` : line}`);
    if (text.length > lines) out.push(`    … ${text.length - lines} more lines in the log above`);
  }
  if (failures.length > shown) out.push(`… and ${failures.length - shown} more failures in the log above`);
  return out.join('\n');
}

function relativeTo(path, root) {
  return root && path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
}
