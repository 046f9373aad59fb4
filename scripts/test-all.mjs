// `npm test`: every suite, in order, each run even when an earlier one failed, then one line
// "N passed, N failed" over all of them (tests counted one by one; typecheck, lint, build and the
// security gate count as one check each), after what failed and why. Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { failureDigest, playwrightFailures, vitestFailures } from './test-failures.mjs';

const reports = '.test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0 };
const summary = [];
/** Each failed test's place and message, from the runners' reports (printed again at the end). */
const failures = [];

function run(label, command, args, env = {}) {
  process.stdout.write(`\n=== ${label}: ${[command, ...args].join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(label, command, args) {
  const ok = run(label, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
  return ok;
}

function suite(label, command, args, reportFile, count, failed, env) {
  const ok = run(label, command, args, env);
  let counted = { passed: 0, failed: ok ? 0 : 1 };
  if (existsSync(reportFile)) {
    try {
      const report = JSON.parse(readFileSync(reportFile, 'utf8'));
      counted = count(report);
      failures.push(...failed(report));
      // A runner that failed without a failing test (a crash, a broken config) still fails the run.
      if (!ok && counted.failed === 0) counted.failed = 1;
    } catch {
      /* keep the fallback */
    }
  }
  totals.passed += counted.passed;
  totals.failed += counted.failed;
  summary.push(`${counted.failed === 0 ? 'ok  ' : 'FAIL'} ${label}: ${counted.passed} passed, ${counted.failed} failed`);
}

const npx = 'npx';
check('typecheck', 'npm', ['run', '-s', 'typecheck']);
check('lint', 'npm', ['run', '-s', 'lint']);

const vitestReport = join(reports, 'vitest.json');
suite('vitest (unit, renderer, integration)', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`], vitestReport, (r) => ({
  passed: r.numPassedTests ?? 0,
  failed: (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0) + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0),
}), (r) => vitestFailures(r, process.cwd()));

const built = check('build (renderer and Electron shell)', 'npm', ['run', '-s', 'build']);

const playwrightReport = join(reports, 'playwright.json');
if (built) {
  suite('playwright e2e (browser host in Chromium)', npx, ['playwright', 'test'], playwrightReport, (r) => ({
    passed: (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0),
    failed: r.stats?.unexpected ?? 0,
  }), playwrightFailures, { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
} else {
  totals.failed += 1;
  summary.push('FAIL playwright e2e: not run, the build failed');
}

check('security gate (electronegativity)', 'npm', ['run', '-s', 'security']);

process.stdout.write(`\n=== Summary\n${summary.join('\n')}\n\n`);
// Last but one, so that a log cut to its tail still says what failed and why.
if (failures.length > 0) process.stdout.write(`=== What failed\n${failureDigest(failures)}\n\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(totals.failed === 0 ? 0 : 1);
