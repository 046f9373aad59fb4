import { plural } from '../../../shared/domain/display-numbers';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ImportJobStatus, ImportReport } from '../../../shared/contract/import-channels';
import type { EntityCounts } from '../../../shared/domain/entities';
import { ENTITY_NAMES } from '../../../shared/domain/entity-names';
import { IMPORT_FORMATS } from '../../../shared/import/format-names';
import { ImportFormatChoice } from '../../../shared/import/import-formats';
import type { ImportIssue } from '../../../shared/import/import-issues';
import type { Backend } from '../../backend/backend';
import type { CliCommand, CliIo } from '../cli-command';
import { UsageError } from '../cli-command';
import { callOrThrow, formatBytes, inInvokedTerms, parseCliArgs } from '../cli-support';

const POLL_MS = 200;
/** Progress lines go to stderr for files this big, or once an import has run this long. */
const PROGRESS_BYTES = 5 * 1024 ** 2;
const PROGRESS_AFTER_MS = 2000;
const SHOWN_ISSUES = 25;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function describeCounts(counts: EntityCounts): string {
  const parts = ENTITY_NAMES.filter((e) => counts[e] > 0).map((e) => `${counts[e].toLocaleString('en-US')} ${e}`);
  return parts.length ? parts.join(', ') : 'nothing';
}

function describeIssue(i: ImportIssue): string {
  const where = [i.file, i.line === null ? null : `line ${i.line}`, i.column].filter(Boolean).join(', ');
  // A whole-file error's message starts with its file, so that the Import page, which shows it alone, says which: the line here names it already.
  const message = i.file !== null && i.message.startsWith(`${i.file}: `) ? i.message.slice(i.file.length + 2) : i.message;
  return `${i.severity} ${where}: ${message}${i.value !== null && !i.message.includes(i.value) ? ` (value: ${JSON.stringify(i.value)})` : ''}`;
}

async function waitForJob(backend: Backend, jobId: string, io: CliIo, showProgress: boolean): Promise<ImportJobStatus> {
  const started = Date.now();
  let last = '';
  for (;;) {
    const status = await callOrThrow(backend, 'import.progress', { jobId });
    if (status.state !== 'running') return status;
    const big = status.totalBytes >= PROGRESS_BYTES || Date.now() - started > PROGRESS_AFTER_MS;
    if (showProgress && big) {
      const readAll = status.phase === 'finishing' || status.bytesRead >= status.totalBytes;
      const line = readAll
        ? `Read ${status.rows.toLocaleString('en-US')} rows; storing them in one transaction…`
        : `Reading ${status.file ?? ''}: ${status.rows.toLocaleString('en-US')} rows, ${formatBytes(status.bytesRead)} of ${formatBytes(status.totalBytes)} (${Math.floor(status.percent)}%)`;
      if (line !== last) io.err(line);
      last = line;
    }
    await sleep(POLL_MS);
  }
}

function printReport(report: ImportReport, io: CliIo, workspace: string, dryRun: boolean): void {
  for (const f of report.files) {
    const format = f.format ? `${f.format}${f.entity ? ` (${f.entity})` : ''}` : 'not recognised';
    io.out(`${f.name}: ${format}, ${f.rows.toLocaleString('en-US')} rows, ${f.encoding}${f.previouslyImportedAt ? `; imported before on ${f.previouslyImportedAt.slice(0, 10)}` : ''}`);
  }
  const listed = report.issues.slice(0, SHOWN_ISSUES);
  for (const i of listed) io.err(describeIssue(i));
  const more = report.errors + report.warnings - listed.length;
  if (more > 0) io.err(`… and ${more.toLocaleString('en-US')} more (--json lists up to 200 per kind)`);
  const tally = `${plural(report.rejectedRows, 'row')} rejected, ${plural(report.warnings, 'warning')}`;
  if (dryRun && report.refusal !== null) io.err(`Dry run, nothing written: the import would be refused, nothing imported: ${report.refusal} (${tally})`);
  else if (dryRun) io.out(`Dry run, nothing written: would import ${describeCounts(report.counts)}; ${tally}.`);
  else if (report.committed) {
    // A replaced, shorter history leaves fewer rows than before: said, never hidden as "nothing new".
    const fewer = ENTITY_NAMES.filter((e) => report.added![e] < 0).map((e) => `${(-report.added![e]).toLocaleString('en-US')} ${e} fewer`);
    io.out(`Imported into ${workspace}: ${describeCounts(report.counts)} (${[`${describeCounts(report.added!)} new`, ...fewer].join('; ')}); ${tally}.`);
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  usage: `import FILE... --into WORKSPACE [--format F] [--team-column NAME] [--day-order auto|dmy|mdy] [--dry-run] [--json]`,
  summary: `Import exports (${IMPORT_FORMATS.join(', ')}) into a workspace, creating it when absent.`,
  async run(args, backend, io) {
    const { values, positionals } = parseCliArgs(args, {
      into: { type: 'string' },
      format: { type: 'string', default: 'auto' },
      'team-column': { type: 'string' },
      'day-order': { type: 'string', default: 'auto' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    });
    if (positionals.length === 0) throw new UsageError('expected at least one FILE');
    if (!values.into) throw new UsageError('--into WORKSPACE is required');
    const format = ImportFormatChoice.safeParse(values.format);
    if (!format.success) throw new UsageError(`--format must be one of auto, ${IMPORT_FORMATS.join(', ')}; got "${values.format}"`);
    const dryRun = values['dry-run'];
    const dayOrder = values['day-order'];
    if (dayOrder !== 'auto' && dayOrder !== 'dmy' && dayOrder !== 'mdy') throw new UsageError(`--day-order must be auto, dmy (31/12/2024) or mdy (12/31/2024); got "${dayOrder}"`);

    let workspace = resolve(values.into);
    let created = false;
    let scratch: string | null = null;
    // A dry run looks: an older workspace is upgraded in memory only, its file not touched.
    if (existsSync(workspace)) await callOrThrow(backend, 'workspace.open', { path: workspace, lookOnly: dryRun });
    else if (dryRun) {
      // A dry run writes nothing, not even the workspace: check against an empty scratch one.
      scratch = mkdtempSync(join(tmpdir(), 'interlock-dry-run-'));
      await callOrThrow(backend, 'workspace.create', { path: join(scratch, 'dry-run.interlock') });
    } else {
      await callOrThrow(backend, 'workspace.create', { path: workspace });
      created = true;
    }
    try {
      const { jobId } = await callOrThrow(backend, 'import.start', {
        files: positionals.map((path) => ({ source: { kind: 'path', path: resolve(path) }, format: format.data })),
        mode: dryRun ? 'preview' : 'import',
        options: { teamColumn: values['team-column'] ?? null, dayOrder },
      });
      const status = await waitForJob(backend, jobId, io, true);
      const report = status.report;
      const errors: (ImportIssue | { code: string; message: string })[] = report ? report.issues.filter((i) => i.severity === 'error') : [];
      if (status.error) errors.unshift(status.error);
      const imported = report?.committed ? report.counts : Object.fromEntries(ENTITY_NAMES.map((e) => [e, 0]));
      const accepted = report ? Object.values(report.counts).reduce((a, b) => a + b, 0) : 0;
      // A dry run succeeds only where the import would write: not where a file error would refuse it whole.
      const ok = dryRun ? status.state === 'done' && accepted > 0 && report?.refusal === null : status.state === 'done' && !!report?.committed;
      if (values.json) {
        io.out(
          JSON.stringify(
            {
              imported,
              warnings: report ? report.issues.filter((i) => i.severity === 'warning') : [],
              errors,
              dryRun,
              wouldImport: dryRun ? (report?.counts ?? null) : undefined,
              added: report?.added ?? null,
              rejectedRows: report?.rejectedRows ?? 0,
              totals: report ? { errors: report.errors, warnings: report.warnings, byCode: report.issueCounts } : null,
              files: report?.files.map((f) => ({ name: f.name, format: f.format, entity: f.entity, rows: f.rows, counts: f.counts, contentHash: f.contentHash })) ?? [],
            },
            null,
            2,
          ),
        );
      } else {
        if (report) printReport(report, io, workspace, dryRun);
        if (status.error) io.err(`interlock import: ${inInvokedTerms(status.error.message, io)}`);
        else if (status.state === 'cancelled') io.err('interlock import: cancelled; nothing was written.');
      }
      if (!ok && created) {
        // The workspace was made for this import and nothing went in: do not leave an empty file behind.
        await callOrThrow(backend, 'workspace.close', {});
        rmSync(workspace, { force: true });
        workspace = '';
      }
      return ok ? 0 : 1;
    } finally {
      if (scratch) {
        await backend.call('workspace.close', {});
        rmSync(scratch, { recursive: true, force: true });
      }
    }
  },
};
